"""Currency, said plainly: no page calls the 2015 edition current, and the replacement note is where it must be."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

REPLACED = "Working Together 2015 has since been replaced, in 2018 and again in 2023"
COVERS = "covers Working Together to Safeguard Children up to the 2015 edition, as its source documents describe it"


def pages(site: Path) -> list[Path]:
    """Every built page of the guidance (the theme's 404 page is not one)."""
    return sorted(path for path in site.rglob("index.html") if path.parent != site / "404")


def visible_text(path: Path) -> str:
    """What a reader sees on the page, whitespace-normalised (scripts and styles removed)."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def editorial_notes(path: Path) -> list[str]:
    """The text of each admonition titled as our editorial note."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    notes = soup.select(".admonition")
    return [
        " ".join(note.get_text(" ").split())
        for note in notes
        if note.select_one(".admonition-title") and "Editorial note" in note.select_one(".admonition-title").get_text()
    ]


def test_no_page_says_current_edition_or_promises_every_duty_or_time_limit(site: Path) -> None:
    """The sources stop at 2015, so nothing calls an edition current, and nothing claims to list every duty or limit."""
    overclaims = re.compile(r"current edition|every legal duty|every time limit", re.IGNORECASE)
    said = {str(path.relative_to(site)): overclaims.findall(visible_text(path)) for path in pages(site)}
    assert {page: found for page, found in said.items() if found} == {}


def test_every_page_says_which_edition_it_shows_how_far_the_site_goes_and_what_replaced_2015(site: Path) -> None:
    """The stamp on every page (and so in the offline copy and on every printed sheet) carries the statement."""
    for path in pages(site):
        stamp = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(".wt-stamp")
        text = " ".join(stamp.get_text(" ").split())
        assert "this page shows Working Together to Safeguard Children (" in text, path
        assert COVERS in text and REPLACED in text and "GOV.UK" in text, path
        assert "Editorial note" in stamp.select_one(".wt-editorial").get_text(), path


def test_home_summary_and_every_2015_page_carry_the_labelled_replacement_note(site: Path) -> None:
    """Where a practitioner starts, the replacement is said at the top as our editorial note, not only in the stamp."""
    targets = [site / "index.html", site / "summary/index.html", *sorted((site / "editions/2015").rglob("index.html"))]
    assert len(targets) > 4
    for path in targets:
        notes = editorial_notes(path)
        assert any(REPLACED in note and "GOV.UK" in note for note in notes), path
