"""Editions: a version stands until amended or withdrawn, nothing disappears silently, old editions are chosen."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import PROJECT
from small_guidance import replace_in, write_small_guidance, write_small_module
from working_together.changes import compare
from working_together.check import check
from working_together.load import load_corpus
from working_together.model import Corpus
from working_together.render.feed import changes_feed
from working_together.render.module import module_page
from working_together.render.provision import provision_in_chapter, provision_page
from working_together.render.tree import tree_page

# A 2011 edition placing both provisions of the small corpus, with no version of its own for either.
EDITION_2011 = (
    'id: "2011"\n'
    "title: Working Together 2011\n"
    'published: "2011-03"\n'
    "evidence:\n"
    "  - source: report\n"
    "    at: paragraph 1.1\n"
    "    quote: seen alone when appropriate\n"
    "chapters:\n"
    '  - number: "5"\n'
    "    title: Individual cases\n"
    "    status: statutory\n"
    "    status_note: The sources call the whole document statutory guidance.\n"
    "    sections:\n"
    "      - title: Seeing the child\n"
    "        provisions:\n"
    "          - child-seen-alone\n"
    "          - referral-decision\n"
)

REFERRAL_END = "within one working day. and feedback given to the referrer.\n            shows: working-together\n"
AMENDED_2011 = (
    '      - edition: "2011"\n'
    "        change: clarification\n"
    "        strength: should\n"
    "        text: Referrals should be decided within one working day and feedback given.\n"
    "        evidence:\n"
    "          - source: report\n"
    "            at: paragraph 1.2\n"
    "            quote: and feedback given to the referrer.\n"
    "            shows: working-together\n"
)


def with_2011(
    tmp_path: Path, edition: str = EDITION_2011, trees: bool = False, unsummarised: str = ""
) -> tuple[Corpus, list[str]]:
    """The small corpus with a 2011 edition (and optionally its tree and module, or one provision taken out of
    the summary); the corpus and its problems."""
    guidance = write_small_guidance(tmp_path)
    if unsummarised:
        replace_in(guidance / "summary.yml", f"      - {unsummarised}\n", "")
    if trees:
        write_small_module(tmp_path)
    (guidance / "editions" / "2011.yml").write_text(edition, encoding="utf-8")
    corpus, problems = load_corpus(guidance, tmp_path, tmp_path / "decision_trees" if trees else None)
    assert problems == []
    return corpus, [str(problem) for problem in check(corpus)]


def test_a_version_stands_in_a_later_edition_that_places_the_provision(tmp_path: Path) -> None:
    """The 2010 wording is the 2011 wording, and the 2011 chapter says which edition the words took effect in."""
    corpus, problems = with_2011(tmp_path)
    assert problems == []
    provision = corpus.provisions["child-seen-alone"]
    assert provision.version_in("2011") is provision.versions[0]
    block = provision_in_chapter(corpus, provision, corpus.edition("2011"), "editions/2011/chapter-5.md")
    assert "seen alone when appropriate" in block
    assert "These words took effect in the 2010 edition.</p>" in block
    assert "(Should, words of the 2010 edition)" in block


def test_an_unchanged_provision_is_not_listed_as_amended(tmp_path: Path) -> None:
    """Only a version that takes effect in the new edition is a change: one amendment, no false ones."""
    guidance = write_small_guidance(tmp_path)
    (guidance / "editions" / "2011.yml").write_text(EDITION_2011, encoding="utf-8")
    replace_in(
        guidance / "provisions/cases.yml",
        REFERRAL_END,
        REFERRAL_END + AMENDED_2011,
    )
    corpus, problems = load_corpus(guidance, tmp_path)
    assert problems == [] and check(corpus) == []
    changes = compare(corpus, "2010", "2011")
    assert ([a.provision.id for a in changes.amended], changes.added, changes.withdrawn) == (
        ["referral-decision"],
        [],
        [],
    )
    feed = changes_feed(corpus, "Working Together", "Crown copyright")
    assert feed.count("<entry>") == 1 and "Amended in the 2011 edition: Deciding on a referral" in feed


def test_a_provision_dropped_without_withdrawal_fails_naming_both_editions(tmp_path: Path) -> None:
    """Leaving a provision out of the next edition's contents is an error at its place in the earlier edition."""
    dropped = EDITION_2011.replace("          - referral-decision\n", "")
    _, problems = with_2011(tmp_path, dropped, unsummarised="referral-decision")
    assert problems == [
        "guidance/editions/2010.yml:17:13: referral-decision: in the 2010 edition but not in the 2011 edition,"
        " which neither lists nor withdraws it, so it would disappear silently"
        " — list it in a section of guidance/editions/2011.yml, or add a version with"
        ' edition: "2011", withdrawn: true and a note saying why, or, if the sources do not say,'
        " list it under not_described in guidance/editions/2011.yml with a reason"
    ]


def test_a_withdrawn_provision_may_leave_the_next_edition_but_not_stay_in_it(tmp_path: Path) -> None:
    """A withdrawal accounts for the provision; listing it after its withdrawal is an error saying so."""
    guidance = write_small_guidance(tmp_path)
    withdrawal = '      - edition: "2011"\n        withdrawn: true\n        note: Merged into the referral provision.\n'
    replace_in(
        guidance / "provisions/cases.yml", "  - id: referral-decision\n", withdrawal + "  - id: referral-decision\n"
    )
    replace_in(guidance / "summary.yml", "      - child-seen-alone\n", "")
    for contents, expected in (
        (EDITION_2011.replace("          - child-seen-alone\n", ""), []),
        (
            EDITION_2011,
            [
                "guidance/editions/2011.yml:16:13: chapter 5: provision 'child-seen-alone' is withdrawn in the 2011"
                " edition (at guidance/provisions/cases.yml:15:9), so it has no wording to show here — remove it from"
                " this chapter: its withdrawal is listed on the edition's what-changed page"
            ],
        ),
    ):
        (guidance / "editions" / "2011.yml").write_text(contents, encoding="utf-8")
        corpus, problems = load_corpus(guidance, tmp_path)
        assert problems == []
        assert [str(problem) for problem in check(corpus)] == expected


def test_a_provision_the_sources_do_not_describe_is_marked_and_shown(tmp_path: Path) -> None:
    """not_described accounts for the provision, and its permanent page and history say so with the reason."""
    undescribed = EDITION_2011.replace("          - referral-decision\n", "").replace(
        "chapters:\n",
        "not_described:\n  - reason: The 2011 source is silent on referrals.\n    provisions: [referral-decision]\n"
        "chapters:\n",
    )
    corpus, problems = with_2011(tmp_path, undescribed, unsummarised="referral-decision")
    assert problems == []
    provision = corpus.provisions["referral-decision"]
    page = provision_page(corpus, provision)
    assert "## 2011 edition (latest in these sources): not described { #edition-2011 }" in page
    assert "The sources do not describe this provision in the 2011 edition." in page
    assert "The 2011 source is silent on referrals" in page
    block = provision_in_chapter(corpus, provision, corpus.edition("2010"), "editions/2010/chapter-5.md")
    assert "- 2011 edition: not described by the sources" in block


def test_a_provision_both_placed_and_not_described_is_an_error(tmp_path: Path) -> None:
    """An edition cannot both list a provision and say the sources do not describe it."""
    both = EDITION_2011.replace(
        "chapters:\n", "not_described:\n  - reason: Silent.\n    provisions: [referral-decision]\nchapters:\n"
    )
    _, problems = with_2011(tmp_path, both)
    assert problems == [
        "guidance/editions/2011.yml:10:18: not_described[0]: provision 'referral-decision' is both placed in"
        " chapter 5 and marked as not described — keep one of the two"
    ]


def test_a_tree_or_module_on_a_superseded_edition_is_reported(tmp_path: Path) -> None:
    """Once 2011 replaces 2010, the tree and the module step still on 2010 are problems."""
    _, problems = with_2011(tmp_path, trees=True)
    assert problems == [
        "decision_trees/worried.yml:3:10: worried: the tree rests on the 2010 edition, which the 2011 edition"
        ' has replaced — move it to edition: "2011" (checking each outcome\'s provisions),'
        ' or say why it stays with superseded_ok: "reason", which the page shows',
        "guidance/modules/first-steps.yml:13:14: steps[2].edition: the step shows the 2010 edition,"
        " which the 2011 edition has replaced — remove 'edition:' to show the current edition,"
        ' or say why with superseded_ok: "reason", which the page shows',
    ]


def test_a_written_reason_allows_a_superseded_edition_and_the_page_shows_it(tmp_path: Path) -> None:
    """superseded_ok silences the problem and is shown on the tree page and the module step."""
    guidance = write_small_guidance(tmp_path)
    module = write_small_module(tmp_path)
    tree = tmp_path / "decision_trees" / "worried.yml"
    replace_in(tree, 'edition: "2010"\n', 'edition: "2010"\nsuperseded_ok: Kept until the 2011 tree is tested.\n')
    replace_in(module, '    edition: "2010"\n', '    edition: "2010"\n    superseded_ok: To compare with 2010.\n')
    (guidance / "editions" / "2011.yml").write_text(EDITION_2011, encoding="utf-8")
    corpus, problems = load_corpus(guidance, tmp_path, tmp_path / "decision_trees")
    assert problems == [] and check(corpus) == []
    assert 'Rests on the superseded 2010 edition"' in tree_page(corpus, corpus.trees["worried"])
    assert "Why: Kept until the 2011 tree is tested" in tree_page(corpus, corpus.trees["worried"])
    assert "Why: To compare with 2010" in module_page(corpus, corpus.modules["first-steps"])


def test_guidance_holds_no_version_identical_to_the_one_before_it() -> None:
    """An unchanged provision is never typed twice: no version repeats its predecessor's words and evidence."""
    repeated = []
    for path in sorted((PROJECT / "guidance" / "provisions").glob("*.yml")):
        for provision in yaml.safe_load(path.read_text(encoding="utf-8"))["provisions"]:
            versions = provision["versions"]
            for before, after in zip(versions, versions[1:], strict=False):
                if _substance(before) == _substance(after):
                    repeated.append(f"{path.name}: {provision['id']} {after['edition']}")
    assert repeated == []


def _substance(version: dict) -> tuple:
    """What a version says, leaving out its edition and its editorial note."""
    return (
        " ".join(version.get("text", "").split()),
        version.get("strength", "editorial"),
        version.get("timescale"),
        version.get("evidence", []),
        version.get("withdrawn", False),
    )


def test_an_update_of_wording_the_edition_before_does_not_show_must_be_listed_as_not_described(
    tmp_path: Path,
) -> None:
    """updated: true says the earlier edition had words on it; leaving it out of that edition silently is refused."""
    guidance = write_small_guidance(tmp_path)
    (guidance / "editions" / "2011.yml").write_text(EDITION_2011, encoding="utf-8")
    replace_in(guidance / "editions" / "2010.yml", "          - referral-decision\n", "")
    replace_in(
        guidance / "provisions" / "cases.yml",
        '      - edition: "2010"\n        strength: should\n        text: Referrals',
        '      - edition: "2011"\n        updated: true\n        strength: should\n        text: Referrals',
    )
    corpus, problems = load_corpus(guidance, tmp_path)
    assert problems == []
    assert [str(problem) for problem in check(corpus) if "referral-decision (2011)" in str(problem)] == [
        "guidance/provisions/cases.yml:19:9: referral-decision (2011): updated: true says the 2010 edition had"
        " wording on this, but the 2010 edition neither places it nor lists it as not described — list it under"
        " not_described in guidance/editions/2010.yml, with a reason saying the sources revise its wording"
        " without giving it"
    ]
    replace_in(
        guidance / "editions" / "2010.yml",
        "chapters:\n",
        "not_described:\n  - reason: Revised in 2011; not given.\n    provisions: [referral-decision]\nchapters:\n",
    )
    corpus, problems = load_corpus(guidance, tmp_path)
    assert [str(problem) for problem in problems or check(corpus) if "referral-decision (2011)" in str(problem)] == []


def test_a_note_cross_references_a_provision_as_a_link_never_as_raw_markup() -> None:
    """[[id]] in a note renders as a link, as it does in the text."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    noted = [p for p in corpus.provisions.values() if any("[[" in v.note for v in p.versions)]
    assert noted, "some notes cross-reference a provision"
    for provision in noted:
        page = provision_page(corpus, provision)
        assert "[[" not in page.replace("\\", ""), provision.id  # neither raw nor escaped as \[\[


def test_the_2013_edition_accounts_for_wording_the_2015_response_revises() -> None:
    """Modifiable deaths, families in child death reviews and the updated 2015 topics had 2013 wording: the 2013
    edition lists them as not described (never silently absent), and the annual-report duty stands in 2013."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    edition = corpus.edition("2013")
    for identifier in (
        "preventable-child-death",
        "parents-involved-in-child-death-review",
        "probation-responsibilities",
    ):
        entry = edition.undescribed(identifier)
        assert entry is not None and "had wording on them" in " ".join(entry.reason.split()), identifier
    assert edition.placements["lscb-publishes-annual-report"]
    assert corpus.provisions["lscb-publishes-annual-report"].version_in("2013").strength == "must"
    panel = corpus.provisions["child-death-overview-panel"]
    assert "rapid response team" not in panel.version_in("2013").text  # a 2010-only sentence
    assert "rapid response team" in panel.version_in("2010").text
