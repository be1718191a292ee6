"""The built pages' markup: headings that never skip a level, no link to the page itself, Material's invalid
attributes corrected, and attribute text decoded exactly once (the accessibility review's D7 and D9; D8 of the
hostile-input review)."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from bs4 import BeautifulSoup


def _pages(site: Path, pattern: str) -> list[Path]:
    pages = sorted(site.glob(pattern))
    assert pages, pattern
    return pages


def test_module_pages_step_from_h1_to_h2(site: Path) -> None:
    """Each module's steps are h2 under its h1, never h3 straight after h1."""
    for path in _pages(site, "modules/*/index.html"):
        levels = [
            int(h.name[1])
            for h in BeautifulSoup(path.read_text(), "html.parser").select(
                ".md-content h1, .md-content h2, .md-content h3, .md-content h4"
            )
        ]
        assert levels[0] == 1 and 2 in levels, path
        assert all(b - a <= 1 for a, b in pairwise(levels)), (path, levels)


def test_role_pages_do_not_link_to_themselves(site: Path) -> None:
    """A role's name on its own page is plain text, not a link whose empty address reloads the page."""
    for path in _pages(site, "roles/*/index.html"):
        assert not BeautifulSoup(path.read_text(), "html.parser").select('a[href=""]'), path


def test_materials_invalid_attributes_are_corrected(site: Path) -> None:
    """No empty tabindex; no table-of-contents label pointing at a checkbox the page lacks (Nu Html Checker)."""
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert 'tabindex=""' not in text, path
        assert 'for="__toc"' not in text or 'id="__toc"' in text, path


def test_citations_are_decoded_once(site: Path) -> None:
    """ "Copy citation" copies "parent's", as written, on the module page where it read "parent&#x27;s"."""
    page = BeautifulSoup((site / "modules" / "making-a-referral" / "index.html").read_text(), "html.parser")
    citations = [button["data-citation"] for button in page.select("[data-citation]")]
    assert any("parent's" in citation for citation in citations)
    assert not any(re.search(r"&#?\w+;", citation) for citation in citations), citations


def test_every_page_has_a_title_of_its_own(site: Path) -> None:
    """No two pages share a <title> (WCAG 2.4.2, the review's N6): a chapter's title names its edition, a print
    page says it is one, and the 404 page says the page was not found, so tabs, history and bookmarks differ."""
    pages: dict[str, list[str]] = {}
    for html in sorted(site.rglob("*.html")):
        title = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").title
        if title is not None:  # Material's redirect stubs and fragments have none
            pages.setdefault(title.get_text(), []).append(str(html.relative_to(site)))
    assert len(pages) > 150
    assert {title: where for title, where in pages.items() if len(where) > 1} == {}
