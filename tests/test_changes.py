"""What changed between editions, the maintainers' command line, and the what-changed page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT
from small_guidance import replace_in, write_small_guidance
from working_together.__main__ import main
from working_together.changes import compare
from working_together.load import load_corpus

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
        '      - edition: "2015"\n        strength: must\n        text: The child must be seen alone.\n'
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
    assert "amended    health-organisations-responsibilities (from the 2010 wording)" in diff
    assert "updated    special-educational-needs" in diff
    assert "immediate-danger-call-999" not in diff
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
