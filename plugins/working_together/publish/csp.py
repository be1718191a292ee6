"""The Content-Security-Policy every page carries, as a `<meta http-equiv>` that any static host serves unchanged.

Scripts and styles come from the site's own files; the few inline ones (Material's `__md_scope` bootstrap and
hash-anchor script, our print stamp's `@page` style) are allowed by the SHA-256 of their exact text, computed from
each page's final HTML, so an edit to a template or a Material upgrade re-hashes instead of silently breaking.
No host is named anywhere: nothing loads from outside the site. `frame-ancestors`, `report-uri` and `sandbox`
are left out because browsers ignore them in a `<meta>` (and Chromium logs an error for each).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# In order: default for everything else, then the directives that do not fall back to default-src or that we
# want to be explicit about. `data:` images are Material's CSS icons (mask-image: url("data:image/svg+xml,...")).
FIXED_DIRECTIVES = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
}

# A `<script>` runs when it has no type or a JavaScript one; `application/json` (Material's __config) is data.
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
_JAVASCRIPT_URL = re.compile(r"\s*javascript:", re.IGNORECASE)
_HEAD_START = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
POLICY_META = re.compile(r'<meta\s+http-equiv="Content-Security-Policy"\s+content="(?P<policy>[^"]*)"\s*>', re.I)


@dataclass
class InlineCode:
    """What in one page a Content-Security-Policy has to allow, or would block."""

    scripts: list[str] = field(default_factory=list)  # bodies of inline executable <script> elements
    styles: list[str] = field(default_factory=list)  # bodies of <style> elements
    blocked: list[str] = field(default_factory=list)  # style=, on*= and javascript: that no hash can allow


class _InlineCodeParser(HTMLParser):
    """Collects inline script and style bodies exactly as the browser hashes them, and attributes CSP blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # script and style bodies are raw text either way
        self.found = InlineCode()
        self._body: list[str] | None = None
        self._into: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.blocked.append(f"<{tag} {name}=...>")
            elif name in _URL_ATTRIBUTES and value and _JAVASCRIPT_URL.match(value):
                self.found.blocked.append(f"<{tag} {name}=javascript:...>")
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes:
            kind = (attributes.get("type") or "").strip().lower()
            self._start(self.found.scripts if kind in _SCRIPT_TYPES else None)
        elif tag == "style":
            self._start(self.found.styles)

    def _start(self, into: list[str] | None) -> None:
        self._body, self._into = [], into

    def handle_data(self, data: str) -> None:
        if self._body is not None:
            self._body.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._body is not None:
            if self._into is not None:
                self._into.append("".join(self._body))
            self._body = self._into = None


def inline_code(html: str) -> InlineCode:
    """The inline scripts and styles of a page, and what in it a policy would block whatever it allowed."""
    parser = _InlineCodeParser()
    parser.feed(html)
    parser.close()
    return parser.found


def source_hash(text: str) -> str:
    """The CSP source expression for an inline body: `'sha256-...'` of its UTF-8 text.

    The browser's HTML parser turns CR LF and lone CR into LF before hashing, so we do too.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def content_security_policy(code: InlineCode, live_reload: bool = False) -> str:
    """The policy for a page: the fixed directives, with scripts and styles from our files or by hash.

    Under `mkdocs serve` (live_reload) inline scripts are allowed: MkDocs injects its live-reload script into each
    response with a timestamp in it, so no hash made at build time can match. Everything else stays as published.
    """
    scripts = " ".join(["'self'", *sorted({source_hash(body) for body in code.scripts})])
    if live_reload:
        scripts = "'self' 'unsafe-inline'"  # a hash in the list would make browsers ignore 'unsafe-inline'
    styles = " ".join(["'self'", *sorted({source_hash(body) for body in code.styles})])
    directives = {**FIXED_DIRECTIVES, "script-src": scripts, "style-src": styles}
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def with_policy(html: str, live_reload: bool = False) -> tuple[str, list[str]]:
    """The page with its policy as the first element after `<meta charset>`, and what the policy would block.

    A meta policy governs only what comes after it, so it goes before every script, style and stylesheet.
    """
    code = inline_code(html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(code, live_reload)}">'
    anchor = _CHARSET.search(html) or _HEAD_START.search(html)
    if anchor is None:
        return html, ["no <head> to put the Content-Security-Policy in"]
    return html[: anchor.end()] + meta + html[anchor.end() :], code.blocked
