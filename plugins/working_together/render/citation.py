"""The "Copy citation" button: edition, number and title in the HTML; the permanent URL is added at click time."""

from __future__ import annotations

from ..model import Edition, Provision
from .markdown import escape_html


def citation_text(edition: Edition, number: str, provision: Provision) -> str:
    """How a provision is cited, without its URL: 'Working Together ... (2015), 2.4 "Title".'."""
    return f'{edition.title}, {number} "{provision.title}".'


def citation_button(edition: Edition, number: str, provision: Provision) -> str:
    """A hidden button that the page script shows and wires up; the script appends the permanent URL."""
    return (
        f'<button type="button" class="wt-copy-citation md-button" hidden '
        f'data-citation="{escape_html(citation_text(edition, number, provision))}" '
        f'aria-label="Copy citation for {escape_html(provision.title)}">Copy citation</button>'
    )
