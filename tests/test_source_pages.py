"""Built source pages: the whole source shown in reading order, cleanly, with every anchor trainers link to."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from source_coverage import coverage, source_ids, unmarked_text, visible_text

PROJECT = Path(__file__).resolve().parent.parent
MINIMUM_SHARE = 0.99
# Literal markup a reader must never see: HTML tags, LaTeX superscripts, Markdown bold.
LITERAL_MARKUP = ("<i>", "</i>", "^{", "**")
# A footnote number run on to a figure or word ("by 15%1", "Green Paper4"): one or two digits straight after a %
# or a lower-case letter, ending the word. Abbreviations with numbers (CPR3, SSDA903) are in capitals; a version
# (v3.0) or a folder in an address (section52/) carries on after the digits.
RUN_ON_NUMBER = re.compile(r"(?:%|[a-z])\d{1,2}\b(?!/|\.\d)")


def _page(site: Path, source_id: str) -> str:
    return (site / "sources" / source_id / "index.html").read_text(encoding="utf-8")


def _anchors_before() -> dict[str, list[str]]:
    """Every id each source page had before it showed the whole source (tests/source_anchors.txt)."""
    found: dict[str, list[str]] = {}
    for line in (PROJECT / "tests" / "source_anchors.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source_id, anchor = line.split()
            found.setdefault(source_id, []).append(anchor)
    return found


@pytest.mark.parametrize("source_id", source_ids())
def test_each_source_page_shows_the_whole_cleaned_source_in_reading_order(site: Path, source_id: str) -> None:
    """At least 99% of the cleaned source's words are on its page in the source's order; the rest are listed."""
    result = coverage(source_id, site)
    missing = "\n".join(f"  {run}" for run in result.missing)
    assert result.share >= MINIMUM_SHARE, (
        f"{source_id}: {result.shown} of {result.total} words shown ({result.share:.1%}); not shown:\n{missing}"
    )


@pytest.mark.parametrize("source_id", source_ids())
def test_no_source_page_shows_literal_markup_or_a_footnote_number_run_on(site: Path, source_id: str) -> None:
    """No <i>, ^{…} or ** reaches the reader, and no footnote number reads as part of a figure or word."""
    page = _page(site, source_id)
    text, notes = visible_text(page)
    assert [mark for mark in LITERAL_MARKUP if mark in text + notes] == []
    assert RUN_ON_NUMBER.findall(unmarked_text(page)) == []


def test_the_run_on_check_finds_what_the_review_found() -> None:
    """The pattern that guards against run-on footnote numbers catches the review's examples, not abbreviations."""
    text = (
        "core assessments by 15%1. The Green Paper4 and practice guidance6; DCSF CPR3 data; SSDA903; 2009/10; "
        "Licence v3.0; gov.uk/section52/ data"
    )
    assert RUN_ON_NUMBER.findall(text) == ["%1", "r4", "e6"]


@pytest.mark.parametrize("source_id", source_ids())
def test_every_anchor_trainers_link_to_is_still_on_its_source_page(site: Path, source_id: str) -> None:
    """The ids the source pages had before they grew are all still there (new passages got new ids)."""
    ids = set(re.findall(r'\sid="([^"]+)"', _page(site, source_id)))
    assert [anchor for anchor in _anchors_before()[source_id] if anchor not in ids] == []


def test_footnote_markers_and_footnotes_link_both_ways(site: Path) -> None:
    """Each marker links to its footnote and that footnote's number links back to the marker."""
    page = _page(site, "action-plan-2010")
    assert re.search(r'by 15%<sup class="wt-fnref"><a id="fnref-1" href="#fn-1"', page)
    assert re.search(r'<a class="wt-fnnum" id="fn-1" href="#fnref-1"[^>]*>1</a> http://www', page)
    for source_id in source_ids():
        page = _page(site, source_id)
        ids = set(re.findall(r'\sid="([^"]+)"', page))
        targets = re.findall(r'href="#(fn(?:ref)?-[^"]+)"', page)
        assert bool(targets) == (source_id != "wt-consultation-response-2015"), source_id  # 2015 has no footnotes
        assert [target for target in targets if target not in ids] == []
        for key in re.findall(r'href="#fn-([^"]+)"', page):
            assert f'href="#fnref-{key}"' in page, (source_id, key)


def test_unnumbered_parts_the_review_found_missing_are_anchored_passages(site: Path) -> None:
    """Laming's Introduction and information-sharing box, the plan's Annex B template, Carlile's foreword."""
    expected = {
        "laming-2009": [
            ("part-introduction", "Please keep me safe"),
            ("part-after-paragraph-4-7", "necessity and proportionality"),
        ],
        "action-plan-2010": [
            ("part-ministerial-foreword", "Ministerial Foreword"),
            ("part-annex-b-serious-case-review-template-for-executive-summaries", "Format of serious case review"),
            ("part-recommendations-and-action-plan", "Recommendations and action plan"),
        ],
        "carlile-response-2013": [("part-foreword-by-rt-hon-michael-gove-mp", "21 March 2013")],
        "wt-consultation-response-2010": [("part-annex-a", "committed to addressing")],
    }
    for source_id, parts in expected.items():
        page = _page(site, source_id)
        for anchor, words in parts:
            match = re.search(rf'<div class="wt-passage wt-part" id="{anchor}[^"]*">(.*?)</div>', page, re.S)
            assert match, (source_id, anchor)
            assert words in match[1], (source_id, anchor, words)


# Headings the review found run into the sentence after them, each to stand in an element of its own.
HEADINGS = [
    ("wt-consultation-response-2015", "Notifiable incidents involving care of a child"),
    ("wt-consultation-response-2015", "Clarification of the term ‘seriously harmed’"),
    ("wt-consultation-response-2015", "Issues relating to the definition of serious harm"),
    ("carlile-response-2013", "1. Introduction"),
    ("carlile-response-2013", "2. Direct action to improve children's services in Doncaster"),
    ("carlile-response-2013", "3. Overview of Lord Carlile's recommendations"),
    ("wt-consultation-response-2010", "The Protection of Children in England: Action Plan"),
]


@pytest.mark.parametrize(("source_id", "heading"), HEADINGS)
def test_headings_stand_apart_from_the_sentence_after_them(site: Path, source_id: str, heading: str) -> None:
    """A heading is a heading (or a list item of its own), never the start of the next paragraph."""
    page = html.unescape(_page(site, source_id))
    assert re.search(rf">{re.escape(heading)}</(?:h3|h4|li)>", page), heading
