"""Hand-written pages in docs/: every [[provision-id]] citation and {{ block }} placeholder names something real."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import CROSS_REFERENCE, Corpus
from ..problems import Position, Problem
from .suggest import did_you_mean

BLOCK = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
# The blocks publish/citations.py fills in; a test keeps the two lists equal.
BLOCK_NAMES = ("legend", "editions", "start_here", "currency", "scope")


def docs_problems(
    corpus: Corpus, docs_dir: Path, project_dir: Path, markdown_settings: tuple[list, dict] | None = None
) -> list[Problem]:
    """Every unknown citation or block in the Markdown pages under docs_dir; with the build's Markdown extensions
    and their settings, also everything the Content-Security-Policy would block in them as rendered."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            name = path.resolve().relative_to(project_dir.resolve()).as_posix()
        except ValueError:
            name = path.as_posix()
        try:
            markdown = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(Position(name, 1, 1), "", f"cannot be read ({error})", "save it as UTF-8 text"))
            continue
        problems.extend(page_problems(markdown, corpus, name))
        if markdown_settings is not None:
            from .docs_markup import markup_problems  # publish/citations.py, which it uses, imports this module

            page = path.relative_to(docs_dir).as_posix()
            problems.extend(markup_problems(markdown, corpus, page, name, *markdown_settings))
    return problems


def page_problems(markdown: str, corpus: Corpus, display_name: str) -> list[Problem]:
    """Every citation of an unknown provision and every unknown block in one page."""
    problems = [
        _problem(
            markdown,
            match,
            display_name,
            f"unknown provision [[{match[1]}]]{did_you_mean(match[1], corpus.provisions)}",
            "correct the id inside [[...]] to one from guidance/provisions/",
        )
        for match in CROSS_REFERENCE.finditer(markdown)
        if match[1] not in corpus.provisions and not corpus.unloaded.may_define("provision", match[1])
    ]
    problems += [
        _problem(
            markdown,
            match,
            display_name,
            f"unknown block {{{{ {match[1]} }}}}{did_you_mean(match[1], BLOCK_NAMES)}",
            f"use one of: {', '.join(BLOCK_NAMES)}",
        )
        for match in BLOCK.finditer(markdown)
        if match[1] not in BLOCK_NAMES
    ]
    return problems


def _problem(markdown: str, match: re.Match[str], display_name: str, message: str, fix: str) -> Problem:
    line = markdown.count("\n", 0, match.start()) + 1
    column = match.start() - (markdown.rfind("\n", 0, match.start()) + 1) + 1
    return Problem(Position(display_name, line, column), "", message, fix)
