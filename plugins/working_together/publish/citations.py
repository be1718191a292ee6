"""Hand-written pages: resolve [[provision-id]] citations and {{ block }} placeholders, or say where they fail."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import CROSS_REFERENCE, Corpus
from ..problems import Position, Problem
from ..render import paths
from ..render.currency import replacement_note
from ..render.markdown import escape
from ..render.reference import editions_block, legend_block
from ..render.start import entry_points_block

_BLOCK = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
BLOCKS: dict[str, Callable[[Corpus, str], str]] = {
    "legend": lambda corpus, page: legend_block(),
    "editions": editions_block,
    "start_here": entry_points_block,
    "currency": lambda corpus, page: replacement_note(corpus),
}


def resolve_citations(markdown: str, corpus: Corpus, page: str, display_name: str) -> tuple[str, list[Problem]]:
    """The page with citations as links to permanent pages and blocks filled in, plus a problem per unknown name."""
    problems = [
        _problem(
            markdown, match, display_name, f"unknown provision [[{match[1]}]]", "use an id from guidance/provisions/"
        )
        for match in CROSS_REFERENCE.finditer(markdown)
        if match[1] not in corpus.provisions
    ]
    problems += [
        _problem(
            markdown, match, display_name, f"unknown block {{{{ {match[1]} }}}}", f"use one of: {', '.join(BLOCKS)}"
        )
        for match in _BLOCK.finditer(markdown)
        if match[1] not in BLOCKS
    ]

    def cite(match: re.Match[str]) -> str:
        provision = corpus.provisions.get(match[1])
        if provision is None:
            return match[0]
        return f"[{escape(provision.title)}]({paths.link(page, paths.provision_page(provision.id))})"

    def fill(match: re.Match[str]) -> str:
        block = BLOCKS.get(match[1])
        return block(corpus, page) if block else match[0]

    return _BLOCK.sub(fill, CROSS_REFERENCE.sub(cite, markdown)), problems


def _problem(markdown: str, match: re.Match[str], display_name: str, message: str, fix: str) -> Problem:
    line = markdown.count("\n", 0, match.start()) + 1
    column = match.start() - (markdown.rfind("\n", 0, match.start()) + 1) + 1
    return Problem(Position(display_name, line, column), "", message, fix)
