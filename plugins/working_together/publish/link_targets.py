"""Where each link goes, written on the link so print can show it after the link text.

On paper a relative address such as `../chapter-3/#x` means nothing, so every link in a page's content
gets a `data-wt-href` with the address from the site's root (`/editions/2015/chapter-3/#x`), which the
print stylesheet shows in brackets. In-page anchors are left alone: the target is on the same sheets.
"""

from __future__ import annotations

import html
import posixpath
import re

# Python-Markdown and our renderers write every link as `<a href="...">` with a double-quoted value.
_LINK = re.compile(r'<a\s(?P<attributes>[^>]*?)href="(?P<href>[^"]*)"')
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def site_address(page_url: str, href: str) -> str | None:
    """The address a reader of paper can type after the site's host, or None for an in-page anchor."""
    if not href or href.startswith("#"):
        return None
    if _EXTERNAL.match(href):
        return href
    path, hash_mark, fragment = href.partition("#")
    if path.startswith("/"):
        target = path
    else:
        base = "/" + page_url
        base = base if base.endswith("/") else posixpath.dirname(base)  # a page URL ending in .html
        target = posixpath.normpath(posixpath.join(base, path))
        if path.endswith("/") or path == ".":
            target = target.rstrip("/") + "/"
    return target + hash_mark + fragment


def mark_link_targets(content: str, page_url: str) -> str:
    """The page content with `data-wt-href` on every link that leaves the page."""

    def mark(match: re.Match[str]) -> str:
        address = site_address(page_url, html.unescape(match["href"]))
        if address is None:
            return match[0]
        return f'{match[0]} data-wt-href="{html.escape(address, quote=True)}"'

    return _LINK.sub(mark, content)
