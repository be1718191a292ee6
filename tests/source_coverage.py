"""How much of each cleaned source a built source page shows, word by word and in reading order.

The page moves each footnote to the end of the paragraph it interrupts (a cleaning rule it lists), so the text
and the footnotes are aligned as two streams, each in its own order: every word of the text must appear in the
page's text and every word of a footnote in its footnotes. Run on a built site to print the figures (`-v` also
prints the runs of six words or more that are not shown):

    .venv/bin/python tests/source_coverage.py site
"""

from __future__ import annotations

import difflib
import functools
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from working_together.load import load_corpus
from working_together.load.sources import clean_line, page_furniture

PROJECT = Path(__file__).resolve().parent.parent
SOURCES = PROJECT / "guidance" / "sources"
_WORD = re.compile(r"[a-z0-9]+")
_INLINE = {"a", "abbr", "b", "code", "em", "i", "span", "strong", "sub", "sup", "time"}  # no word break at their end
_INVISIBLE = {"script", "style", "template", "noscript"}
_SHOWN_RUN = 6  # a missing run shorter than this is reported only in the figure, not listed


def words(text: str) -> list[str]:
    """Lower-case word tokens: letters and digits, so punctuation and typography never count."""
    return _WORD.findall(text.lower().replace("’", "'").replace("'", ""))


_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr"}


class _VisibleText(HTMLParser):
    """The text of the page's article, leaving out scripts, styles and anything `hidden`; footnotes kept apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.notes: list[str] = []
        self.unmarked: list[str] = []  # the text without footnote markers, to see what a figure is followed by
        self.in_marker: list[str] = []
        self.depth = 0  # inside <article>
        self.skip: list[str] = []
        self.in_notes: list[str] = []  # open tags from a footnote list inwards

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if tag in _VOID:
            return
        if self.skip or tag in _INVISIBLE or any(name == "hidden" for name, _ in attrs):
            self.skip.append(tag)
        classes = (dict(attrs).get("class") or "").split()
        if self.in_notes or "wt-footnotes" in classes:
            self.in_notes.append(tag)
        # The build stamp is left out too: a commit hash such as "…af70" would read as a run-on number.
        if self.in_marker or {"wt-fnref", "wt-stamp"} & set(classes):
            self.in_marker.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
        target = self.notes if self.in_notes else self.text
        if self.in_notes and self.in_notes[-1] == tag:
            self.in_notes.pop()
        if self.in_marker and self.in_marker[-1] == tag:
            self.in_marker.pop()
        if tag == "article":
            self.depth -= 1
        if tag not in _INLINE:
            target.append(" ")
            self.unmarked.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            (self.notes if self.in_notes else self.text).append(data)
            if not self.in_notes and not self.in_marker:
                self.unmarked.append(data)


def visible_text(page: str) -> tuple[str, str]:
    """The visible text of a built page's article, and the text of its footnotes."""
    parser = _VisibleText()
    parser.feed(page)
    return "".join(parser.text), "".join(parser.notes)


def unmarked_text(page: str) -> str:
    """The visible text of a built page's article without its footnotes, footnote markers and build stamp."""
    parser = _VisibleText()
    parser.feed(page)
    return "".join(parser.unmarked)


@dataclass
class Coverage:
    """How many of a source's words a page shows in order, and the runs it does not show."""

    source_id: str
    total: int
    shown: int
    missing: list[str]

    @property
    def share(self) -> float:
        return self.shown / self.total if self.total else 1.0


def source_words(source_id: str) -> tuple[list[str], list[str]]:
    """The words of a source as cleaned for its page (page furniture left out): its text, and its footnotes."""
    lines = (SOURCES / f"{source_id}.txt").read_text(encoding="utf-8").splitlines()
    furniture = page_furniture(lines)
    notes = _footnote_lines(source_id)
    text = [clean_line(line) for index, line in enumerate(lines) if index not in furniture | notes]
    return words("\n".join(text)), words("\n".join(clean_line(lines[index]) for index in sorted(notes)))


@functools.cache
def _all_footnote_lines() -> dict[str, frozenset[int]]:
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    return {
        source.id: frozenset(
            line for passage in source.passages.values() for note in passage.footnotes for line in note.source_lines
        )
        for source in corpus.sources.values()
    }


def _footnote_lines(source_id: str) -> frozenset[int]:
    """The lines of the text file that the split read as footnotes (and the notes under them)."""
    return _all_footnote_lines()[source_id]


def _aligned(expected: list[str], shown: list[str]) -> tuple[int, list[str]]:
    """How many expected words the shown words hold in the same order, and the longer runs they lack."""
    matcher = difflib.SequenceMatcher(None, expected, shown, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    missing = [
        " ".join(expected[first:last])
        for tag, first, last, _, _ in matcher.get_opcodes()
        if tag in {"delete", "replace"} and last - first >= _SHOWN_RUN
    ]
    return matched, missing


def coverage(source_id: str, site: Path) -> Coverage:
    """The share of the cleaned source's words that the source page shows in reading order."""
    text, notes = source_words(source_id)
    page = (site / "sources" / source_id / "index.html").read_text(encoding="utf-8")
    shown_text, shown_notes = visible_text(page)
    text_matched, text_missing = _aligned(text, words(shown_text))
    notes_matched, notes_missing = _aligned(notes, words(shown_notes))
    return Coverage(source_id, len(text) + len(notes), text_matched + notes_matched, text_missing + notes_missing)


def source_ids() -> list[str]:
    """Every source's id."""
    return sorted(path.stem for path in SOURCES.glob("*.txt"))


if __name__ == "__main__":
    site_dir = Path(next((argument for argument in sys.argv[1:] if argument != "-v"), "site"))
    for source_id in source_ids():
        result = coverage(source_id, site_dir)
        missing = result.total - result.shown
        print(f"{source_id:32} {result.shown:6} of {result.total:6} words shown ({result.share:.1%}), {missing} not")
        if "-v" in sys.argv:
            print("\n".join(f"    missing: {run}" for run in result.missing))
