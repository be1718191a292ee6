"""Hand-written pages as the build renders them: nothing the Content-Security-Policy would block.

The Markdown's own text places most blocked code (check/docs.py); a few ways of writing it show only once the page
is rendered, such as a reference definition inside a list item that makes a `javascript:` link. The build finds
those in the finished HTML; rendering each page here with the same Markdown extensions lets `validate` find them
first, with the build's own words, at the line in the Markdown that wrote them.
"""

from __future__ import annotations

import markdown

from ..model import Corpus
from ..problems import Position, Problem
from ..publish.citations import resolve_citations
from ..publish.csp import inline_code, position_in, unknown_code
from .docs import CODE_FIX


def markup_problems(
    text: str, corpus: Corpus, page: str, display_name: str, extensions: list, extension_configs: dict
) -> list[Problem]:
    """Everything in one hand-written page that the build's Content-Security-Policy would block, once each."""
    resolved, _ = resolve_citations(text, corpus, page, display_name)
    html = markdown.Markdown(extensions=extensions, extension_configs=extension_configs).convert(resolved)
    found = inline_code(html)
    # A page's Markdown brings no theme or plugin code, so any inline script or style in it is unknown.
    findings = found.blocked + [unknown_code("script", body, html) for body in found.scripts]
    findings += [unknown_code("style", body, html) for body in found.styles]
    problems = {
        Problem(
            Position(display_name, *(position_in(text, finding.needle) or (1, 1))),
            "",
            f"{finding.what} is blocked by the Content-Security-Policy",
            CODE_FIX,
        )
        for finding in findings
    }
    return sorted(problems)
