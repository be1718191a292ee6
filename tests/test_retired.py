"""Retiring an id: the build succeeds only with a retirement entry, and the old link keeps a page saying so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, build_site
from mkdocs.exceptions import Abort
from small_guidance import replace_in, write_small_guidance


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A site made of the small corpus, with the real mkdocs.yml and a one-line home page."""
    write_small_guidance(tmp_path)
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "decision_trees").mkdir()
    # Hand-written pages as in mkdocs.yml's nav, without citations of the real corpus's provisions.
    (tmp_path / "docs").mkdir()
    for page in (PROJECT / "docs").glob("*.md"):
        (tmp_path / "docs" / page.name).write_text(f"# {page.stem}\n\n{{{{ editions }}}}\n", encoding="utf-8")
    return tmp_path


def rename_provision(guidance: Path, old: str, new: str) -> None:
    """Give a provision a new id everywhere it is used, as an editor would."""
    replace_in(guidance / "provisions" / "cases.yml", f"id: {old}\n", f"id: {new}\n")
    replace_in(guidance / "provisions" / "cases.yml", f"[[{old}]]", f"[[{new}]]")
    replace_in(guidance / "provisions" / "cases.yml", f"refs: [{old}]", f"refs: [{new}]")
    replace_in(guidance / "editions" / "2010.yml", f"- {old}\n", f"- {new}\n")
    replace_in(guidance / "summary.yml", f"- {old}\n", f"- {new}\n")


def test_a_renamed_id_without_a_retirement_entry_fails_the_build(
    small_project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Renaming silently would break every trainer's link to the old id."""
    guidance = small_project / "guidance"
    rename_provision(guidance, "referral-decision", "referral-decision-timescale")
    replace_in(guidance / "published-ids.yml", "retired: []", "  - referral-decision-timescale\nretired: []")
    with pytest.raises(Abort):
        build_site(small_project, small_project / "site")
    assert "guidance/published-ids.yml:3:5: published: published provision 'referral-decision' has disappeared" in (
        caplog.text
    )
    assert not (small_project / "site").exists()


def test_a_retired_id_keeps_a_page_that_points_to_its_replacement(small_project: Path) -> None:
    """/provisions/<old-id>/ says the provision was retired, why, and links to what replaced it."""
    guidance = small_project / "guidance"
    rename_provision(guidance, "referral-decision", "referral-decision-timescale")
    replace_in(
        guidance / "published-ids.yml",
        "retired: []",
        "  - referral-decision-timescale\nretired:\n  - id: referral-decision\n"
        "    replaced_by: referral-decision-timescale\n    reason: Renamed to say what it is about.\n",
    )
    build_site(small_project, small_project / "site")
    page = BeautifulSoup((small_project / "site/provisions/referral-decision/index.html").read_text(), "html.parser")
    assert page.h1.get_text(strip=True) == "Retired provision: referral-decision"
    warning = page.find(class_="admonition warning")
    assert "Renamed to say what it is about." in warning.get_text()
    assert warning.find("a", string="Deciding on a referral")["href"] == "../referral-decision-timescale/"
