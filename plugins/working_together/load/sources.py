"""Source documents: reproducible cleaning of the extracted text and its split into numbered passages.

The text files are kept exactly as extracted. Cleaning happens here, in code, so
every change to the wording a reader sees is repeatable and listed on the
source's page; nothing is edited by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Passage

# What every source's conversion does, shown on its page (a source adds its own notes in `cleaning:`).
STANDARD_CLEANING = [
    "Runs of spaces and tab characters between words are read as one space.",
    "Markdown emphasis marks (*) and heading marks (#) left by the extraction are removed.",
    "Footnote markers (superscript numbers) are removed from the text.",
]

_SUPERSCRIPTS = re.compile(r"<sup>[^<]*</sup>|[\u00b9\u00b2\u00b3\u2070-\u2079]+")
_EMPHASIS = re.compile(r"\*+")
_HEADING = re.compile(r"^\s*#+\s*")
_BULLET = re.compile(r"^\s*[-\u2022\u25aa\u25cf\u2013]\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class LocationRule:
    """How to recognise the first line of one kind of numbered passage, and where in the document to look."""

    kind: str
    pattern: re.Pattern[str]
    start_marker: str = ""
    end_marker: str = ""


def clean_line(line: str) -> str:
    """One extracted line with footnote markers, emphasis and heading marks removed and spaces tidied."""
    line = _SUPERSCRIPTS.sub("", line)
    line = _EMPHASIS.sub("", line)
    line = _HEADING.sub("", line)
    bullet = "- " if _BULLET.match(line) else ""
    return bullet + _SPACE.sub(" ", _BULLET.sub("", line)).strip()


def normalise(text: str) -> str:
    """Text compared for quotes: only whitespace, bullet marks and footnote markers are ignored."""
    text = _SUPERSCRIPTS.sub("", text)
    text = "\n".join(_BULLET.sub("", line) for line in text.splitlines())
    return _SPACE.sub(" ", text).strip()


def split_passages(text: str, rules: list[LocationRule]) -> dict[str, Passage]:
    """The numbered passages of a document, keyed by location such as 'paragraph 3.26'.

    A passage starts at a line matching one of the rules and runs until the next
    passage starts, a heading appears, or its kind's end marker is reached. When a
    number repeats (a running page header, a quoted list), the first occurrence wins
    and later ones are read as continuation text.
    """
    passages: dict[str, Passage] = {}
    active = {rule.kind: not rule.start_marker for rule in rules}
    current: Passage | None = None
    for raw in text.splitlines():
        for rule in rules:
            if rule.start_marker and rule.start_marker in raw:
                active[rule.kind] = True
            elif rule.end_marker and rule.end_marker in raw and active[rule.kind]:
                active[rule.kind] = False
                if current and current.kind == rule.kind:
                    current = None
        started = _start(raw, rules, active, passages)
        if started:
            current = started
            passages[current.location] = current
        elif _HEADING.match(raw) and raw.strip():
            current = None
        elif current and raw.strip():
            current.text += "\n" + clean_line(raw)
    return passages


def _start(
    raw: str, rules: list[LocationRule], active: dict[str, bool], passages: dict[str, Passage]
) -> Passage | None:
    """A new passage if this line opens one that has not been seen yet."""
    line = _EMPHASIS.sub("", raw)
    for rule in rules:
        match = rule.pattern.match(line) if active[rule.kind] else None
        if match and f"{rule.kind} {match['number']}" not in passages:
            return Passage(rule.kind, match["number"], clean_line(line).removeprefix("- "))
    return None
