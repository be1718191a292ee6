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
