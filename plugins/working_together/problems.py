"""Positions in YAML files and the problems found at them."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Messages are printed in public CI logs, so they quote text only from the YAML or Markdown being checked, and
# never a value that looks like a credential (a `name=value` or `name: value` whose name says secret, a private
# key, a cloud or GitHub token, an Authorization header).
CONTENT_FILES = (".yml", ".yaml", ".md")
_QUOTED = re.compile(r"""'[^'\n]*'…?|"[^"\n]*"…?""")
_CREDENTIAL = re.compile(
    r"(?i)[\w.-]*(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|credential)[\w.-]*"
    r"\s*[:=]\s*\S"
    r"|(?i:authorization)\s*[:=]\s*(?i:basic|bearer|token)\b|-----BEGIN [A-Z ]*PRIVATE KEY"
    r"|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{20,}|\bxox[abprs]-|:[^:\s]*:0:0:"
)
HIDDEN = "(text not shown)"


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
        return _one_line(f"{self.position}:{where} {redacted(self.message, self.position.file)}{fix}")


def redacted(message: str, file: str) -> str:
    """The message with each quoted text hidden if the file is not YAML or Markdown or the text looks like a
    credential (a line of .env, /etc/passwd or .git/config must never reach a log)."""
    content = file.endswith(CONTENT_FILES) or file.startswith("guidance/sources/") and file.endswith(".txt")
    return _QUOTED.sub(lambda quoted: quoted[0] if content and not _CREDENTIAL.search(quoted[0]) else HIDDEN, message)


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
