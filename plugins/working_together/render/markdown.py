"""Turning guidance text into Markdown that can only mean what it says.

Text from YAML is never trusted as Markdown or HTML: every character that
Markdown or HTML could act on is escaped, so `<script>` shows as text and
`*word*` stays literal. The only structure we honour is our own: blank lines
between paragraphs, lines starting "- " as bullets, and [[provision-id]]
cross-references, which become ordinary Markdown links that MkDocs validates.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from ..model import CROSS_REFERENCE

# Characters Python-Markdown lets us escape with a backslash (markdown.Markdown.ESCAPED_CHARS, plus
# the tables extension's |), which covers emphasis, links, code, headings, lists, attribute lists
# ({ }) and table cells.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>|])")
_SPACE = re.compile(r"\s+")
_HTML_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_HTML_OR_MARKDOWN_SPECIAL = re.compile(r"""[&<>"'\\`*_{}\[\]()#+\-.!>|]""")


def escape(text: str) -> str:
    """One line of text made inert: HTML entities for <, > and &, backslashes before Markdown's special characters."""
    text = _SPACE.sub(" ", text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def escape_html(text: str) -> str:
    """Text for raw HTML (an element's content or a double-quoted attribute), also inert if Markdown reads it."""
    # Inline HTML inside a Markdown paragraph still has Markdown's link and emphasis patterns run over it
    # (they come before raw HTML), so their characters become numeric references, which HTML decodes.
    # One pass, so the "#" of a reference just written is never escaped again ("'" once became "&&#35;x27;").
    return _HTML_OR_MARKDOWN_SPECIAL.sub(_reference, _SPACE.sub(" ", text).strip())


def _reference(match: re.Match[str]) -> str:
    character = match.group(0)
    return _HTML_REFERENCES.get(character) or f"&#{ord(character)};"


def render_text(text: str, link_for: Callable[[str], str]) -> str:
    """Guidance text as Markdown: escaped paragraphs and bullets, with [[id]] replaced by `link_for(id)`."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if all(line.startswith("- ") for line in lines):
            blocks.append("\n".join(f"- {_inline(line[2:], link_for)}" for line in lines))
        else:
            blocks.append(_inline(" ".join(lines), link_for))
    return "\n\n".join(blocks)


def _inline(text: str, link_for: Callable[[str], str]) -> str:
    """Escape a run of text, keeping cross-references as links."""
    parts = CROSS_REFERENCE.split(text)
    # split() alternates plain text and captured ids: even indexes are text, odd are ids.
    return "".join(link_for(part) if index % 2 else escape(part) for index, part in enumerate(parts)).strip()


def disclosure(css_class: str, summary: str, body: str) -> str:
    """A collapsed <details> block whose body is Markdown; `summary` is fixed text of ours, not content."""
    return f'<details class="{css_class}" markdown="1">\n<summary>{summary}</summary>\n\n{body}\n\n</details>'
