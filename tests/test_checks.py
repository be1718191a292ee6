"""Loading and checking: each kind of mistake in the guidance gives its exact file, line, column and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_guidance import replace_in, write_small_guidance
from working_together.check import check, load_and_check
from working_together.load import load_corpus


def problems_after(tmp_path: Path, file: str = "", old: str = "", new: str = "") -> list[str]:
    """Every problem, as text, in the small corpus after one edit."""
    guidance = write_small_guidance(tmp_path)
    if file:
        replace_in(guidance / file, old, new)
    _, problems = load_and_check(tmp_path, guidance)
    return [str(problem) for problem in problems]


def test_the_small_corpus_is_valid(tmp_path: Path) -> None:
    """The baseline every other test breaks has no problems, and its objects remember their positions."""
    guidance = write_small_guidance(tmp_path)
    corpus, problems = load_corpus(guidance, tmp_path)
    assert problems == [] and check(corpus) == []
    provision = corpus.provisions["referral-decision"]
    assert str(provision.position) == "guidance/provisions/cases.yml:15:5"
    assert str(provision.versions[0].evidence[0].position) == "guidance/provisions/cases.yml:23:13"
    assert corpus.current_edition.placements["referral-decision"].number == "5.2"


CASES = [
    (
        "bad indentation",
        ("provisions/cases.yml", "    title: Deciding on a referral\n", "   title: Deciding on a referral\n"),
        "guidance/provisions/cases.yml:16:4: YAML syntax: this line is indented differently from the list or mapping"
        " it should belong to — check the indentation: items of one list or mapping must line up",
    ),
    (
        "wrong type",
        ("provisions/cases.yml", "roles: [social-worker]", "roles: social-worker"),
        "guidance/provisions/cases.yml:4:12: provisions[0].roles: expected a list, found 'social-worker'"
        " — write a list",
    ),
    (
        "unknown field",
        ("provisions/cases.yml", "    terms: [lscb]\n", "    terms: [lscb]\n    colour: red\n"),
        "guidance/provisions/cases.yml:18:5: provisions[1]: unknown field 'colour'"
        " — remove it or correct the spelling; allowed here: id, refs, roles, terms, title, versions",
    ),
    (
        "missing field",
        ("provisions/cases.yml", "    title: Deciding on a referral\n", ""),
        "guidance/provisions/cases.yml:15:5: provisions[1]: missing field 'title' — add 'title:' to this item",
    ),
    (
        "value not allowed",
        (
            "provisions/cases.yml",
            "strength: should\n        text: Referrals",
            "strength: shall\n        text: Referrals",
        ),
        "guidance/provisions/cases.yml:20:19: provisions[1].versions[0].strength: 'shall' is not allowed here"
        " — use one of: must, law, should, guidance, editorial",
    ),
    (
        "duplicate key",
        ("roles.yml", "    name: Social worker\n", "    name: Social worker\n    name: Social workers\n"),
        "guidance/roles.yml:4:5: duplicate key 'name' (first written at line 3) — remove one of the two or merge them",
    ),
    (
        "duplicate id",
        ("provisions/cases.yml", "  - id: referral-decision\n", "  - id: child-seen-alone\n"),
        "guidance/provisions/cases.yml:15:9: provisions[1].id: duplicate provision id 'child-seen-alone': it is"
        " already defined at guidance/provisions/cases.yml:2:9 — if this is a copy, give it a new id (or delete it);"
        " keep the original's id, which links use",
    ),
    (
        "dangling role",
        ("provisions/cases.yml", "roles: [social-worker]", "roles: [social-workr]"),
        "guidance/provisions/cases.yml:4:13: child-seen-alone: unknown role 'social-workr'"
        " (did you mean 'social-worker'?) — correct the id, or add the new role to guidance/roles.yml",
    ),
    (
        "dangling see-also",
        ("provisions/cases.yml", "refs: [referral-decision]", "refs: [referal-decision]"),
        "guidance/provisions/cases.yml:5:12: child-seen-alone: unknown provision 'referal-decision'"
        " (did you mean 'referral-decision'?) — correct the id",
    ),
    (
        "dangling cross-reference in text",
        ("provisions/cases.yml", "See [[referral-decision]]", "See [[referal]]"),
        "guidance/provisions/cases.yml:9:15: child-seen-alone (2010): cross-reference [[referal]] to an unknown"
        " provision — correct the id inside [[...]]",
    ),
    (
        "dangling glossary term",
        ("provisions/cases.yml", "terms: [lscb]", "terms: [lsbc]"),
        "guidance/provisions/cases.yml:17:13: referral-decision: unknown glossary term 'lsbc'"
        " (did you mean 'lscb'?) — correct the id, or add the new term to guidance/glossary.yml",
    ),
    (
        "dangling source",
        ("glossary.yml", "source: report", "source: reprot"),
        "guidance/glossary.yml:6:9: glossary lscb: unknown source 'reprot' (did you mean 'report'?) — use a source id",
    ),
    (
        "dangling location",
        ("glossary.yml", "at: paragraph 1.2", "at: paragraph 1.3"),
        "guidance/glossary.yml:6:9: glossary lscb: report has no paragraph 1.3; the quote is at paragraph 1.2"
        " — correct 'at' to a numbered passage",
    ),
    (
        "quote not in source",
        ("provisions/cases.yml", "quote: The child should be seen alone", "quote: The child must be seen alone"),
        "guidance/provisions/cases.yml:13:20: child-seen-alone (2010): the quote is not in report paragraph 1.1:"
        " it differs at character 11 of the quote: the quote has 'm' in \"The child must be seen…\", the source has"
        " 's' in \"…1 The child should be se…\""
        " — copy the quote exactly from the source (only spacing, bullets and footnote markers may differ)",
    ),
    (
        "quote nearest to another location",
        (
            "provisions/cases.yml",
            "at: paragraph 1.1\n            quote: The child should be seen alone when appropriate.",
            "at: paragraph 1.2\n            quote: The child should be seen alone whenever appropriate.",
        ),
        "guidance/provisions/cases.yml:13:20: child-seen-alone (2010): the quote is not in report paragraph 1.2:"
        " the nearest match, at paragraph 1.1, differs at character 36 of the quote: the quote has 'e' in"
        ' "…n alone whenever appropr…", the source has a space (U+0020) in "…n alone when appropriate…"'
        " — copy the quote exactly from the source (only spacing, bullets and footnote markers may differ)",
    ),
    (
        "quote at another location",
        (
            "provisions/cases.yml",
            "at: paragraph 1.1\n            quote: The",
            "at: paragraph 1.2\n            quote: The",
        ),
        "guidance/provisions/cases.yml:12:17: child-seen-alone (2010): the quote is not in report paragraph 1.2;"
        " it is at paragraph 1.1 — correct 'at' to paragraph 1.1",
    ),
    (
        "missing evidence",
        (
            "provisions/cases.yml",
            "        evidence:\n          - source: report\n            at: paragraph 1.2\n"
            "            quote: within one working day. and feedback given to the referrer.\n"
            "            shows: working-together\n",
            "",
        ),
        "guidance/provisions/cases.yml:19:9: referral-decision (2010): a 'should' provision without evidence"
        " — add evidence (source, at, quote), or make it an editorial note with strength: editorial",
    ),
    (
        "provision listed twice",
        (
            "editions/2010.yml",
            "          - referral-decision\n",
            "          - referral-decision\n          - child-seen-alone\n",
        ),
        "guidance/editions/2010.yml:18:13: chapter 5: provision 'child-seen-alone' is already in chapter 5"
        " — list each provision once per edition",
    ),
    (
        "unknown provision in contents",
        (
            "editions/2010.yml",
            "          - referral-decision\n",
            "          - referral-decision\n          - referral-decison\n",
        ),
        "guidance/editions/2010.yml:18:13: chapter 5: unknown provision 'referral-decison'"
        " (did you mean 'referral-decision'?) — correct the id",
    ),
    (
        "id vanished from the registry",
        ("published-ids.yml", "  - referral-decision\n", "  - referral-decision\n  - old-referral\n"),
        "guidance/published-ids.yml:4:5: published: published provision 'old-referral' has disappeared;"
        " trainers' links to it would break — restore the provision, or add a retirement entry"
        " (id, replaced_by, reason) under 'retired'",
    ),
    (
        "new id not registered",
        ("published-ids.yml", "  - referral-decision\n", ""),
        "guidance/provisions/cases.yml:15:5: referral-decision: new provision 'referral-decision' is not in"
        " guidance/published-ids.yml — add it under 'published' so its link is kept for good",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_mistake_is_reported_once_with_its_position(
    tmp_path: Path, edit: tuple[str, str, str], expected: str
) -> None:
    """One deliberate mistake produces exactly one problem, at the right file, line and column."""
    assert problems_after(tmp_path, *edit) == [expected]


def test_a_retired_id_needs_a_real_replacement_and_cannot_be_reused(tmp_path: Path) -> None:
    """Retirement entries are checked: replaced_by must exist and the old id must not come back."""
    guidance = write_small_guidance(tmp_path)
    replace_in(
        guidance / "published-ids.yml",
        "retired: []\n",
        "  - old-referral\nretired:\n  - id: old-referral\n    replaced_by: no-such-thing\n    reason: Merged.\n"
        "  - id: child-seen-alone\n    replaced_by: referral-decision\n    reason: Oops.\n",
    )
    corpus, problems = load_corpus(guidance, tmp_path)
    assert problems == []
    assert [str(problem) for problem in check(corpus)] == [
        "guidance/provisions/cases.yml:2:5: child-seen-alone: id 'child-seen-alone' was retired and must not be reused"
        " — choose a new id and add it to 'published'",
        "guidance/published-ids.yml:6:5: retired: replaced_by 'no-such-thing' is not a provision"
        " — name the provision that replaced it",
    ]


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    """Mistakes in several files are all listed in one run, sorted by file and line."""
    guidance = write_small_guidance(tmp_path)
    replace_in(guidance / "roles.yml", "name: Social worker", "nome: Social worker")
    replace_in(guidance / "glossary.yml", "term: LSCB", "term: [LSCB]")
    _, problems = load_corpus(guidance, tmp_path)
    assert [f"{p.position}" for p in problems] == [
        "guidance/glossary.yml:3:11",
        "guidance/roles.yml:2:5",
        "guidance/roles.yml:3:5",
    ]


def test_a_schema_error_hides_no_problem_elsewhere_and_fakes_none(tmp_path: Path) -> None:
    """Only the broken provision is left out: the others are still checked, and references to it are not unknown."""
    guidance = write_small_guidance(tmp_path)
    replace_in(
        guidance / "provisions/cases.yml",
        "strength: should\n        text: Referrals",
        "strength: shall\n        text: Referrals",
    )
    replace_in(guidance / "provisions/cases.yml", "roles: [social-worker]", "roles: [social-workr]")
    replace_in(guidance / "glossary.yml", "term: LSCB", "term: [LSCB]")
    replace_in(
        guidance / "editions/2010.yml",
        "          - referral-decision\n",
        "          - referral-decision\n          - no-such-provision\n",
    )
    corpus, problems = load_and_check(tmp_path, guidance)
    assert [str(problem) for problem in problems] == [
        "guidance/editions/2010.yml:18:13: chapter 5: unknown provision 'no-such-provision' — correct the id",
        "guidance/glossary.yml:3:11: terms[0].term: expected text, found a list — write non-empty text",
        "guidance/provisions/cases.yml:4:13: child-seen-alone: unknown role 'social-workr'"
        " (did you mean 'social-worker'?) — correct the id, or add the new role to guidance/roles.yml",
        "guidance/provisions/cases.yml:20:19: provisions[1].versions[0].strength: 'shall' is not allowed here"
        " — use one of: must, law, should, guidance, editorial",
    ]
    assert list(corpus.provisions) == ["child-seen-alone"]
    assert corpus.unloaded.ids == {"provision": {"referral-decision"}, "term": {"lscb"}}


def test_a_quote_like_nothing_in_the_source_points_at_no_chance_match(tmp_path: Path) -> None:
    """Common words shared with some passage are not a 'nearest match': the message stays the plain one."""
    assert problems_after(
        tmp_path,
        "provisions/cases.yml",
        "quote: The child should be seen alone when appropriate.",
        "quote: The quick brown fox jumps over the lazy dog.",
    ) == [
        "guidance/provisions/cases.yml:13:20: child-seen-alone (2010): the quote is not in report paragraph 1.1"
        " — copy the quote exactly from the source (only spacing, bullets and footnote markers may differ)"
    ]
