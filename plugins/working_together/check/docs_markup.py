"""Hand-written pages as the build renders them: nothing the Content-Security-Policy would block.

The build finds a `javascript:` link, an `onclick` from an attribute list or a `style=` only in the finished HTML,
and then names the page but no line. Rendering each page here with the same Markdown extensions lets `validate`
find the same things first, at the line that wrote them.
"""

from __future__ import annotations

import re

import markdown

from ..model import Corpus
from ..problems import Position, Problem
from ..publish.citations import resolve_citations
from ..publish.csp import inline_code

FIX = "use a class with a rule in a stylesheet, or a script file"
# The words in the Markdown that produce each kind of blocked markup, to find the line that wrote it.
_CAUSE = re.compile(r"javascript:|\bon[a-z]+\s*=|\bstyle\s*=|<script\b|<style\b", re.IGNORECASE)


def markup_problems(
    text: str, corpus: Corpus, page: str, display_name: str, extensions: list, extension_configs: dict
) -> list[Problem]:
    """Everything in one hand-written page that the build's Content-Security-Policy would block or refuse."""
    resolved, _ = resolve_citations(text, corpus, page, display_name)
    html = markdown.Markdown(extensions=extensions, extension_configs=extension_configs).convert(resolved)
    found = inline_code(html)
    blocked = sorted(set(found.blocked))
    blocked += ["an inline <script>"] * bool(found.scripts) + ["an inline <style>"] * bool(found.styles)
    if not blocked:
        return []
    return [
        Problem(
            Position(display_name, *_cause(text, what)), "", f"{what} is blocked by the Content-Security-Policy", FIX
        )
        for what in blocked
    ]


def _cause(text: str, what: str) -> tuple[int, int]:
    """Line and column of what in the Markdown produces this blocked markup (else the first suspect; else 1:1)."""
    if "javascript:" in what:
        word = "javascript:"
    elif what.startswith("an inline"):
        word = what.removeprefix("an inline ").rstrip(">")
    else:
        word = what.split()[1].split("=")[0] if " " in what else ""
    match = re.search(re.escape(word), text, re.IGNORECASE) if word else None
    match = match or _CAUSE.search(text)
    if match is None:
        return 1, 1
    line = text.count("\n", 0, match.start()) + 1
    return line, match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
