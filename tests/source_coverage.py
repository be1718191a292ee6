"""How much of each cleaned source a built source page shows, word by word and in reading order.

Run on a built site to print the figure for every source:

    .venv/bin/python tests/source_coverage.py site
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from working_together.load.sources import cleaned_text

PROJECT = Path(__file__).resolve().parent.parent
SOURCES = PROJECT / "guidance" / "sources"
_WORD = re.compile(r"[a-z0-9]+")
_INLINE = {"a", "abbr", "b", "code", "em", "i", "span", "strong", "sub", "sup", "time"}  # no word break at their end
_INVISIBLE = {"script", "style", "template", "noscript"}
_SHOWN_RUN = 6  # a missing run shorter than this is reported only in the figure, not listed


def words(text: str) -> list[str]:
    """Lower-case word tokens: letters and digits, so punctuation and typography never count."""
    return _WORD.findall(text.lower().replace("’", "'").replace("'", ""))


class _VisibleText(HTMLParser):
    """The text of the page's article, leaving out scripts, styles and anything `hidden`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0  # inside <article>
        self.skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.skip or tag in _INVISIBLE or any(name == "hidden" for name, _ in attrs):
            if tag not in {"br", "img", "hr", "input", "meta", "link", "wbr"}:
                self.skip.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
        if tag == "article":
            self.depth -= 1
        if tag not in _INLINE:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """The visible text of a built page's article."""
    parser = _VisibleText()
    parser.feed(page)
    return "".join(parser.parts)


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


def source_words(source_id: str) -> list[str]:
    """The words of a source as cleaned for its page (page furniture removed)."""
    return words(cleaned_text((SOURCES / f"{source_id}.txt").read_text(encoding="utf-8")))


def coverage(source_id: str, site: Path) -> Coverage:
    """The share of the cleaned source's words that the source page shows in reading order."""
    expected = source_words(source_id)
    page = (site / "sources" / source_id / "index.html").read_text(encoding="utf-8")
    shown = words(visible_text(page))
    matcher = difflib.SequenceMatcher(None, expected, shown, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    missing = [
        " ".join(expected[first:last])
        for tag, first, last, _, _ in matcher.get_opcodes()
        if tag in {"delete", "replace"} and last - first >= _SHOWN_RUN
    ]
    return Coverage(source_id, len(expected), matched, missing)


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
