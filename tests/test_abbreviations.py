"""Glossary abbreviations are marked up with their expansion on every page, generated or hand-written."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import PROJECT
from small_guidance import write_small_guidance
from working_together.load import load_corpus
from working_together.render.abbreviations import abbreviations, term_label, terms_used

CORPUS, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
GLOSSARY = abbreviations(CORPUS)
ABBREVIATION = re.compile(rf"\b(?:{'|'.join(re.escape(key) for key in sorted(GLOSSARY, key=len, reverse=True))})\b")
# An <abbr> cannot sit inside SVG text or code, and scripts and styles are not read.
UNMARKABLE = ["abbr", "svg", "code", "script", "style"]


def bare_abbreviations(html: str) -> list[str]:
    """Abbreviations in the page's article that are not inside an <abbr> element."""
    article = BeautifulSoup(html, "html.parser").find("article")
    bare = []
    for text in article.find_all(string=ABBREVIATION) if article else []:
        if not text.find_parent(UNMARKABLE):
            bare += ABBREVIATION.findall(text)
    return bare


def test_no_page_shows_an_abbreviation_without_its_expansion(site: Path) -> None:
    """In every built page's content, each glossary abbreviation is an <abbr> whose title is its expansion."""
    marked = 0
    for html_file in sorted(site.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        assert bare_abbreviations(html) == [], html_file.relative_to(site)
        for abbr in BeautifulSoup(html, "html.parser").find_all("abbr"):
            assert abbr["title"] == GLOSSARY[abbr.get_text()]
            marked += 1
    assert marked > 100


def test_a_hand_written_page_gets_its_abbreviations_marked_up(site: Path) -> None:
    """The About page is hand-written Markdown, and its "LSCB" is expanded from the glossary too."""
    assert "LSCB" in (PROJECT / "docs" / "about.md").read_text(encoding="utf-8")
    html = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Local Safeguarding Children Board">LSCB</abbr>' in html


def test_the_check_sees_a_bare_abbreviation() -> None:
    """The page check is not vacuous: plain "LSCB" is reported, the same word inside <abbr> is not."""
    assert bare_abbreviations("<article><p>The LSCB meets.</p></article>") == ["LSCB"]
    assert bare_abbreviations('<article><p>The <abbr title="x">LSCB</abbr> meets.</p></article>') == []


def test_plurals_are_expanded_too() -> None:
    """ "LSCBs" is in the glossary the abbr extension gets, with a plural expansion."""
    assert GLOSSARY["LSCBs"] == "Local Safeguarding Children Boards"


def test_a_provision_lists_abbreviations_its_wording_uses_with_their_expansions(tmp_path: Path) -> None:
    """Terms named in YAML first, then each abbreviation or expansion its wording uses; each label has both forms."""
    corpus, problems = load_corpus(write_small_guidance(tmp_path), tmp_path)
    assert problems == []
    named, unnamed = corpus.provisions["referral-decision"], corpus.provisions["child-seen-alone"]
    lscb = corpus.terms["lscb"]
    assert terms_used(corpus, named, named.versions[0]) == [lscb]
    assert terms_used(corpus, unnamed, unnamed.versions[0]) == []
    unnamed.versions[0].text += " The local safeguarding children board is told."
    assert terms_used(corpus, unnamed, unnamed.versions[0]) == [lscb]
    unnamed.versions[0].text = "The LSCBs are told."
    assert terms_used(corpus, unnamed, unnamed.versions[0]) == [lscb]
    assert term_label(lscb) == "LSCB (Local Safeguarding Children Board)"
