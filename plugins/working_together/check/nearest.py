"""Where a quote that is not in its source comes nearest, and the first character that differs.

Curly and straight apostrophes look alike in most editors, so a quote that differs only there
is the commonest mistake; the message names both characters so the difference can be seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..load.sources import normalise
from ..model import Passage

# Characters that look alike in an editor, named so a message can tell them apart.
NAMES = {
    "'": "straight apostrophe",
    "\u2019": "curly apostrophe",
    "\u2018": "curly opening single quote",
    '"': "straight double quote",
    "\u201c": "curly opening double quote",
    "\u201d": "curly closing double quote",
    "-": "hyphen",
    "\u2010": "hyphen",
    "\u2013": "en dash",
    "\u2014": "em dash",
    "\u00a0": "non-breaking space",
    " ": "space",
}
QUOTE_MARKS = set("'\u2019\u2018\"\u201c\u201d")
GOOD_ENOUGH = 0.6  # the share of the quote a passage must match to count as its nearest match
CONTEXT = 12  # characters of context shown either side of the difference


@dataclass(frozen=True)
class Difference:
    """The nearest passage to a quote and the first place where they part."""

    location: str  # the passage, like "recommendation 2"
    index: int  # 0-based, in the normalised quote
    quote_char: str  # "" at the end of the quote
    source_char: str  # "" at the end of the passage
    quote_context: str
    source_context: str

    @property
    def look_alike(self) -> bool:
        """Curly against straight apostrophe or quote mark, which most editors show the same."""
        return {self.quote_char, self.source_char} <= QUOTE_MARKS and self.quote_char != self.source_char

    def describe(self, located_at: str) -> str:
        """The difference in words, naming look-alike characters and their code points."""
        where = "it" if self.location == located_at else f"the nearest match, at {self.location},"
        quote_has = _describe(self.quote_char, "the quote ends", self.quote_context)
        # Look-alikes would show the same context twice; other differences need the source's words to compare.
        source_context = "" if self.look_alike else self.source_context
        source_has = _describe(self.source_char, "the passage ends", source_context)
        return (
            f"{where} differs at character {self.index + 1} of the quote: "
            f"the quote has {quote_has}, the source has {source_has}"
        )


def nearest_difference(quote: str, located: Passage | None, passages: Iterable[Passage]) -> Difference | None:
    """The first difference between the quote and its nearest match: in the located passage if that is close,
    else anywhere in the source; None if nothing in the source is close."""
    quote = normalise(quote)
    if not quote:
        return None
    best: tuple[float, Passage] | None = None
    if located is not None:
        best = (_share(quote, normalise(located.text)), located)
    if best is None or best[0] < GOOD_ENOUGH:
        for passage in passages:
            share = _share(quote, normalise(passage.text))
            if best is None or share > best[0]:
                best = (share, passage)
    if best is None or best[0] < GOOD_ENOUGH:
        return None  # nothing is close: pointing at a chance match of common words would mislead
    return _first_difference(quote, best[1])


def _blocks(quote: str, text: str) -> list[tuple[int, int, int]]:
    """The runs of three or more characters that the quote and the text share, in order (shorter ones are chance)."""
    matcher = SequenceMatcher(None, quote, text, autojunk=False)
    return [(a, b, size) for a, b, size in matcher.get_matching_blocks() if size >= 3]


def _share(quote: str, text: str) -> float:
    """How much of the quote the text matches, from 0 to 1."""
    return sum(size for _, _, size in _blocks(quote, text)) / len(quote)


def _first_difference(quote: str, passage: Passage) -> Difference:
    text = normalise(passage.text)
    a, b, size = _blocks(quote, text)[0]
    if a == 0:
        index, source_index = size, b + size  # the quote starts as the source does, then parts from it
    else:
        # The quote's first words differ: line its start up with the text before the first shared run.
        index = next((k for k in range(a) if b - a + k < 0 or quote[k] != text[b - a + k]), 0)
        source_index = max(0, b - a + index)
    return Difference(
        location=passage.location,
        index=index,
        quote_char=quote[index : index + 1],
        source_char=text[source_index : source_index + 1],
        quote_context=_context(quote, index),
        source_context=_context(text, source_index),
    )


def _context(text: str, index: int) -> str:
    start, end = max(0, index - CONTEXT), index + CONTEXT
    return f"{'…' if start else ''}{text[start:end]}{'…' if end < len(text) else ''}"


def _describe(char: str, at_end: str, context: str) -> str:
    if not char:
        return f"nothing more ({at_end})"
    name = NAMES.get(char)
    code = f"U+{ord(char):04X}"
    # A space shown as itself would be invisible.
    shown = f"a {name or 'space'} ({code})" if char.isspace() else f"{char} ({name}, {code})" if name else f"'{char}'"
    return f'{shown} in "{context}"' if context else shown
