"""Hand-written pages: resolve [[provision-id]] citations and {{ block }} placeholders, or say where they fail."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..check.docs import BLOCK, BLOCK_NAMES, page_problems
from ..model import CROSS_REFERENCE, Corpus
from ..problems import Problem
from ..render import paths
from ..render.currency import replacement_note
from ..render.markdown import escape
from ..render.reference import editions_block, legend_block
from ..render.start import entry_points_block, scope_block

BLOCKS: dict[str, Callable[[Corpus, str], str]] = {
    "legend": lambda corpus, page: legend_block(),
    "editions": editions_block,
    "start_here": entry_points_block,
    "currency": lambda corpus, page: replacement_note(corpus),
    "scope": scope_block,
}
assert tuple(BLOCKS) == BLOCK_NAMES, "check/docs.py checks the names of the blocks filled in here"


def resolve_citations(markdown: str, corpus: Corpus, page: str, display_name: str) -> tuple[str, list[Problem]]:
    """The page with citations as links to permanent pages and blocks filled in, plus a problem per unknown name."""

    def cite(match: re.Match[str]) -> str:
        provision = corpus.provisions.get(match[1])
        if provision is None:
            return match[0]
        return f"[{escape(provision.title)}]({paths.link(page, paths.provision_page(provision.id))})"

    def fill(match: re.Match[str]) -> str:
        block = BLOCKS.get(match[1])
        return block(corpus, page) if block else match[0]

    return BLOCK.sub(fill, CROSS_REFERENCE.sub(cite, markdown)), page_problems(markdown, corpus, display_name)
