"""The table of contents beside a source page: the page's own sections, not every heading inside the source."""

from __future__ import annotations

import re

from mkdocs.structure.toc import AnchorLink, TableOfContents

_SOURCE_HEADING = re.compile(r'<h[1-6] class="wt-source-heading" id="([^"]+)"')


def without_source_headings(toc: TableOfContents, html: str) -> None:
    """Leave the source document's own headings out of the page's table of contents.

    Lord Laming's report alone has some 280 (every "Recommendation" box among them); listed beside the text they
    nearly doubled the elements of its page, which is what slows a long page on a phone. They stay headings in the
    page, for screen readers and in-page search."""
    toc.items = _kept(toc.items, set(_SOURCE_HEADING.findall(html)))


def _kept(items: list[AnchorLink], dropped: set[str]) -> list[AnchorLink]:
    kept: list[AnchorLink] = []
    for item in items:
        item.children = _kept(item.children, dropped)
        if item.id in dropped:
            kept += item.children
        else:
            kept.append(item)
    return kept
