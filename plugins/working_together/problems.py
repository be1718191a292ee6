"""Positions in YAML files and the problems found at them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Position:
    """Where something was written: a file relative to the project, 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, where it is, and how to fix it."""

    position: Position
    where: str  # the path inside the document, like provisions[2].versions[0].text
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        fix = f" — {self.fix}" if self.fix else ""
        return _one_line(f"{self.position}:{where} {self.message}{fix}")


def _one_line(text: str) -> str:
    """Escape line breaks, controls and invisible format characters (bidi overrides) quoted from content."""
    return "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in text)


class ContentError(Exception):
    """Raised once with every problem found, so an editor sees them all in one run."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the guidance content; nothing was built:"
        super().__init__("\n".join([heading, *map(str, self.problems)]))
