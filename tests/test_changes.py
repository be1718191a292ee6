"""What changed between editions, the maintainers' command line, and the what-changed page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT
from small_guidance import replace_in, write_small_guidance
from working_together.__main__ import _print_diff, main
from working_together.changes import compare
from working_together.check import check
from working_together.load import load_corpus
from working_together.render.changes import changes_page
from working_together.render.feed import changes_feed

SECOND_EDITION = (
    'id: "2015"\ntitle: Working Together 2015\npublished: "2015-03"\nevidence:\n'
    "  - source: report\n    at: paragraph 1.1\n    quote: seen alone when appropriate\n"
    'chapters:\n  - number: "1"\n    title: Cases\n    status: statutory\n    status_note: As before.\n'
    "    sections:\n      - title: Seeing the child\n        provisions:\n          - child-seen-alone\n"
)


def small_corpus_with_two_editions(tmp_path: Path):  # noqa: ANN201 - a Corpus
    """2015 rewords child-seen-alone and withdraws referral-decision."""
    guidance = write_small_guidance(tmp_path)
    (guidance / "editions" / "2015.yml").write_text(SECOND_EDITION, encoding="utf-8")
    replace_in(
        guidance / "provisions" / "cases.yml",
        "  - id: referral-decision\n",
        '      - edition: "2015"\n        change: changed-practice\n        strength: must\n'
        "        text: The child must be seen alone.\n"
        "        evidence:\n          - source: report\n            at: paragraph 1.1\n"
        "            quote: The child should be seen alone when appropriate.\n"
        "            shows: working-together\n"
        "  - id: referral-decision\n",
    )
    (guidance / "provisions" / "cases.yml").write_text(
        (guidance / "provisions" / "cases.yml").read_text()
        + '      - edition: "2015"\n        withdrawn: true\n        note: Merged into the referral chapter.\n',
        encoding="utf-8",
    )
    corpus, problems = load_corpus(guidance, tmp_path)
    assert problems == []
    return corpus


def test_amended_and_withdrawn_provisions_are_found(tmp_path: Path) -> None:
    """A change of wording or strength is an amendment; only an explicit withdrawal is a withdrawal."""
    changes = compare(small_corpus_with_two_editions(tmp_path), "2010", "2015")
    assert [p.id for p in changes.added] == []
    assert [(a.provision.id, a.old.strength, a.new.strength) for a in changes.amended] == [
        ("child-seen-alone", "should", "must")
    ]
    assert [p.id for p in changes.withdrawn] == ["referral-decision"]


def test_a_provision_missing_from_a_partly_described_edition_is_compared_with_its_latest_wording() -> None:
    """The 2013 edition is described only in part, so 2015's health provision is amended from 2010's."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    amended = {a.provision.id: a.old.edition for a in compare(corpus, "2013", "2015").amended}
    assert amended["health-organisations-responsibilities"] == "2010"
    assert amended["assessment-timescale"] == "2013"


def test_the_command_line_validates_diffs_and_lists_ids(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # noqa: ANN001
    """validate exits 0 on the real corpus, diff lists changes, ids lists every published id with its status."""
    monkeypatch.chdir(PROJECT)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("OK: 3 editions")
    assert main(["diff", "2013", "2015"]) == 0
    diff = capsys.readouterr().out
    assert "amended    health-organisations-responsibilities (from the 2010 wording: " in diff
    assert "updated    special-educational-needs" in diff
    assert "immediate-danger-call-999" not in diff
    assert "amended    assessment-timescale (from the 2013 wording: clarification or wording in 2015)" in diff
    assert main(["ids"]) == 0
    assert "assessment-timescale\tlive in 2010, 2013, 2015" in capsys.readouterr().out.splitlines()


def test_validate_reports_problems_with_exit_status_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken corpus prints positioned problems and fails."""
    guidance = write_small_guidance(tmp_path)
    replace_in(guidance / "roles.yml", "name:", "nome:")
    assert main(["validate", "--guidance", str(guidance), "--trees", str(tmp_path / "none")]) == 1
    assert "roles.yml:3:5:" in capsys.readouterr().out


def test_the_what_changed_page_shows_old_and_new_wording_side_by_side(site: Path) -> None:
    """Each amended provision has a two-column table, oldest wording first."""
    page = BeautifulSoup((site / "editions/2015/changes/index.html").read_text(encoding="utf-8"), "html.parser")
    heading = page.find("a", string="How quickly an assessment is completed").find_parent("h3")
    table = heading.find_next("table")
    assert [th.get_text() for th in table.find_all("th")] == ["2013 edition", "2015 edition"]
    cells = [td.get_text() for td in table.find_all("td")]
    assert "maximum flexibility" not in cells[0] and "maximum flexibility" in cells[1]


def test_diff_compares_the_two_editions_named(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # noqa: ANN001
    """diff 2010 2015 and diff 2013 2015 differ: each compares with the OLD edition named, and lists moves."""
    monkeypatch.chdir(PROJECT)
    assert main(["diff", "2013", "2015"]) == 0
    from_2013 = capsys.readouterr().out.splitlines()
    assert main(["diff", "2010", "2015"]) == 0
    from_2010 = capsys.readouterr().out.splitlines()
    assert "moved      scr-when-held (4.1 -> 4.3)" in from_2013
    assert "moved      scr-when-held (8.2 -> 4.3)" in from_2010
    two_steps = (
        "amended    scr-when-held (from the 2010 wording: changed practice in 2013, "
        "then clarification or wording in 2015; strength guidance -> should)"
    )
    assert two_steps in from_2010
    assert "amended    scr-when-held (from the 2013 wording: clarification or wording in 2015)" in from_2013
    assert "added      scr-national-panel" in from_2010 and "added      scr-national-panel" not in from_2013
    assert "not described in 2015: child-seen-alone" in from_2010


def test_diff_refuses_editions_in_the_wrong_order(capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # noqa: ANN001
    """diff 2015 2013 stops with a usage error that says which way round to put them."""
    monkeypatch.chdir(PROJECT)
    with pytest.raises(SystemExit) as stopped:
        main(["diff", "2015", "2013"])
    assert stopped.value.code == 2
    assert "OLD must be the earlier edition (try: diff 2013 2015)" in capsys.readouterr().err
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    with pytest.raises(ValueError, match="edition 2015 is not earlier than edition 2013"):
        compare(corpus, "2015", "2013")


def _grade_problems(tmp_path: Path, find: str, replace: str) -> list[str]:
    guidance = write_small_guidance(tmp_path)
    both = SECOND_EDITION + "          - referral-decision\n"
    (guidance / "editions" / "2015.yml").write_text(both, encoding="utf-8")
    amendment = (
        '      - edition: "2015"\n        change: changed-practice\n        strength: should\n'
        "        text: The child should be seen alone, always.\n        evidence:\n          - source: report\n"
        "            at: paragraph 1.1\n            quote: The child should be seen alone when appropriate.\n"
        "            shows: working-together\n"
    )
    replace_in(
        guidance / "provisions" / "cases.yml", "  - id: referral-decision\n", amendment + "  - id: referral-decision\n"
    )
    replace_in(guidance / "provisions" / "cases.yml", find, replace)
    corpus, problems = load_corpus(guidance, tmp_path)
    return [str(problem) for problem in problems or check(corpus)]


GRADES = "new-duty-or-expectation, changed-practice, clarification, reference-update"


@pytest.mark.parametrize(
    ("find", "replace", "expected"),
    [
        (
            "        change: changed-practice\n",
            "",
            [
                "guidance/provisions/cases.yml:15:9: child-seen-alone (2015): an amending version without 'change:' "
                f"(what the amendment means for practice) — add change: with one of: {GRADES}"
            ],
        ),
        (
            "change: changed-practice",
            "change: minor",
            [
                "guidance/provisions/cases.yml:16:17: provisions[0].versions[1].change: 'minor' is not allowed here"
                f" — use one of: {GRADES}"
            ],
        ),
        (
            '      - edition: "2010"\n        strength: should\n        text: The child',
            (
                '      - edition: "2010"\n        change: clarification\n'
                "        strength: should\n        text: The child"
            ),
            [
                "guidance/provisions/cases.yml:7:9: child-seen-alone (2010): "
                "'change:' on a version that amends nothing: "
                "only a change of wording or strength is graded — remove the change: line"
            ],
        ),
    ],
)
def test_an_amendment_is_graded_with_one_of_the_allowed_values(
    tmp_path: Path, find: str, replace: str, expected: list[str]
) -> None:
    """A missing, unknown or misplaced change: grade fails at its line with the allowed values or the fix."""
    assert _grade_problems(tmp_path, find, replace) == expected


def test_the_what_changed_page_grades_each_amendment_and_has_a_concordance(site: Path) -> None:
    """Each amendment says what it means for practice; the concordance maps old numbers to new, with stable ids."""
    page = BeautifulSoup((site / "editions/2015/changes/index.html").read_text(encoding="utf-8"), "html.parser")
    heading = page.find("a", string="How quickly an assessment is completed").find_parent("h3")
    assert heading.find_next("p").get_text() == "What it means for practice: Clarification or wording."
    assert "1 new duty or expectation" in page.get_text()
    concordance = page.find(id="concordance").find_next("table")
    rows = {
        tr.find_all("td")[3].get_text(): [td.get_text() for td in tr.find_all("td")[:2]]
        for tr in concordance.find_all("tr")[1:]
    }
    assert rows["scr-when-held"] == ["4.1", "4.3"]
    assert rows["notify-serious-incidents"] == ["—", "4.1"]
    assert rows["health-organisations-responsibilities"] == ["— (not described)", "2.10"]
    older = BeautifulSoup((site / "editions/2013/changes/index.html").read_text(encoding="utf-8"), "html.parser")
    older_rows = {
        tr.find_all("td")[3].get_text(): [td.get_text() for td in tr.find_all("td")[:2]]
        for tr in older.find(id="concordance").find_next("table").find_all("tr")[1:]
    }
    assert older_rows["scr-when-held"] == ["8.2", "4.1"]
    assert older_rows["child-seen-alone"] == ["5.7", "— (not described)"]


def test_each_chapter_starts_with_what_this_edition_changed_in_it(site: Path) -> None:
    """A chapter's box links to its amended (graded) and added provisions; the first edition has no box."""
    page = BeautifulSoup((site / "editions/2015/chapter-4/index.html").read_text(encoding="utf-8"), "html.parser")
    box = page.find("p", class_="admonition-title", string="Changed in this edition").parent
    items = [li.get_text() for li in box.find_all("li")]
    assert items == [
        "4.1 Notifying serious incidents involving children: added",
        '4.2 What "seriously harmed" means when deciding on a serious case review: added',
        "4.3 When a serious case review is held: amended (clarification or wording)",
        "4.4 The national panel of independent experts on serious case reviews: amended (clarification or wording)",
    ]
    assert box.find("a", string="4.3 When a serious case review is held")["href"] == "#scr-when-held"
    assert page.find("p", class_="admonition-title").find_previous("h2") is None  # before the first section
    first = BeautifulSoup((site / "editions/2010/chapter-5/index.html").read_text(encoding="utf-8"), "html.parser")
    assert first.find("p", class_="admonition-title", string="Changed in this edition") is None


def test_a_change_of_strength_is_named_in_diff_on_the_what_changed_page_and_in_the_feed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial finding 10: should to must was shown only as two badges; now each place says it in words."""
    corpus = small_corpus_with_two_editions(tmp_path)
    changes = compare(corpus, "2010", "2015")
    words = "from Should (statutory guidance) to Must (legal duty)"
    assert f"**Strength changed:** {words}." in changes_page(corpus, changes)
    feed = changes_feed(corpus, "Site", "Crown copyright")
    summary = "Amended (changed practice) in the 2015 edition (Working Together 2015): Seeing the child alone"
    assert f"{summary}; strength changed {words}." in feed
    assert f"&lt;p&gt;Strength changed {words}.&lt;/p&gt;" in feed
    _print_diff(corpus, "2010", "2015")
    assert "amended    child-seen-alone (from the 2010 wording: changed practice in 2015; strength should -> must)" in (
        capsys.readouterr().out.splitlines()
    )
