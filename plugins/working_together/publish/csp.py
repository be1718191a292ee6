"""The Content-Security-Policy every page carries, as a `<meta http-equiv>` that any static host serves unchanged.

Scripts and styles come from the site's own files. The few inline ones are a known list: those written in the
theme's templates (Material's `__md_scope` bootstrap and hash-anchor script) and those the plugin adds (the print
stamp's `@page` style). Only those are allowed, by the SHA-256 of their exact text; any other inline script,
event-handler attribute or `javascript:` URL in a page is a finding that fails the strict build, because a policy
that hashed whatever reached the HTML would allow a raw `<script>` in a docs/ page too.
No host is named anywhere: nothing loads from outside the site. `frame-ancestors`, `report-uri` and `sandbox`
are left out of the meta policy because browsers ignore them there; `header_policy` adds `frame-ancestors` for
hosts that send headers (publish/headers.py).

Finding inline code is one regular-expression pass over the page for the few things that can carry code
(`<script`, `<style`, `on…=`, `style=`, a URL attribute holding `:` or `&`), not a full HTML parse: only the
tags around those hits are read.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_module
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

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
_HEAD_START = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
POLICY_META = re.compile(r'<meta\s+http-equiv="Content-Security-Policy"\s+content="(?P<policy>[^"]*)"\s*>', re.I)

# Everything in a page that can carry code, searched for in the lower-cased page one literal at a time, which is
# far faster than one pattern for all of them. An attribute found here is then checked to be in a tag.
_ELEMENT_HIT = re.compile(r"<(?:script|style|!--)")
_ATTRIBUTE_HITS = (
    re.compile(r"on[a-z]+\s*="),
    re.compile(r"style\s*="),
    # A javascript: URL has a colon, or an entity standing for one.
    *(
        re.compile(name + r"""\s*=\s*(?:"[^":&]*[:&]|'[^':&]*[:&]|[^\s>"':&]*[:&])""")
        for name in ("href", "src", "action", "data")
    ),
)
_NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789:-_")
_ATTRIBUTE_BEFORE = frozenset(" \t\n\r\f/\"'")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ATTRIBUTE = r"""[^\s/>"'=][^\s/>=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?"""
# A start tag; attributes are separated by space or slash, or follow a quoted value directly.
_START_TAG = re.compile(rf"<([a-zA-Z][^\s/>]*)((?:(?:[\s/]+|(?<=[\"']))(?:{_ATTRIBUTE}))*)[\s/]*>")
_ATTRIBUTES = re.compile(r"""([^\s/>"'=][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_END = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}
# Browsers drop tabs and line breaks anywhere in a URL, and controls and spaces around it.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_TRIMMED = "".join(map(chr, range(0x21)))
# A `{{ … }}` hole in a template's inline code is filled at build time with a URL or a font name: never a quote,
# a backslash or a bracket, so a filled hole cannot end the string it sits in.
_HOLE = re.compile(r"\{\{.*?\}\}")
_HOLE_VALUE = r"[^\"'\\<>`]*"
_TEMPLATE_CODE = re.compile(r"<(script|style)>(.*?)</\1>", re.S)


@dataclass(frozen=True)
class Finding:
    """Something in a page that no policy of ours allows: what it is, where in the page, and a word to find it by."""

    what: str
    offset: int  # in the page's HTML
    needle: str  # the text an author wrote, to find the line in the page's Markdown


@dataclass
class InlineCode:
    """What in one page a Content-Security-Policy has to allow, or would block."""

    scripts: list[str] = field(default_factory=list)  # bodies of inline executable <script> elements
    styles: list[str] = field(default_factory=list)  # bodies of <style> elements
    blocked: list[Finding] = field(default_factory=list)  # style=, on*= and javascript: that no hash can allow


class KnownCode:
    """The inline scripts and styles the theme's templates and the plugin write; nothing else is allowed."""

    def __init__(self, template_dirs: Iterable[str | Path] = ()) -> None:
        self.patterns: list[re.Pattern[str]] = []
        self.exact: set[str] = set()
        self._answers: dict[str, bool] = {}
        for folder in template_dirs:
            for template in _templates(Path(folder)):
                self.patterns += _template_patterns(template.read_text(encoding="utf-8"))

    def add(self, body: str) -> None:
        """Allow one exact body the plugin writes (the print stamp's style)."""
        self.exact.add(body)
        self._answers.pop(body, None)

    def __contains__(self, body: str) -> bool:
        if body in self.exact:
            return True
        if body not in self._answers:
            self._answers[body] = any(pattern.fullmatch(body) for pattern in self.patterns)
        return self._answers[body]


def _templates(folder: Path) -> list[Path]:
    """Every HTML template under folder; dot-folders (Material's 10,000 icons in .icons/) are not walked."""
    found = []
    for parent, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [Path(parent) / name for name in files if name.endswith(".html")]
    return sorted(found)


def _template_patterns(template: str) -> list[re.Pattern[str]]:
    """Each inline script or style body in a template, its `{{ … }}` holes matching what fills them."""
    return [
        re.compile(_HOLE_VALUE.join(re.escape(part) for part in _HOLE.split(body)))
        for _, body in _TEMPLATE_CODE.findall(template)
        if "{%" not in body
    ]


def inline_code(html: str) -> InlineCode:
    """The inline scripts and styles of a page, and what in it a policy would block whatever it allowed."""
    lower = html.lower()
    if len(lower) != len(html):  # a few letters lower-case to two characters: keep offsets, lower ASCII only
        lower = html.translate(_ASCII_LOWER)
    hits = [(hit.start(), True) for hit in _ELEMENT_HIT.finditer(lower)]
    for pattern in _ATTRIBUTE_HITS:
        hits += [(start, False) for hit in pattern.finditer(lower) if (start := _attribute_start(lower, hit.start()))]
    found = InlineCode()
    position = 0
    for start, element in sorted(hits):
        if start < position:  # inside a comment, a script or style body, or a tag already read
            continue
        if not element:
            position = _read_tag_around(html, start, found)
        elif lower.startswith("<!--", start):
            end = html.find("-->", start + 4)
            position = len(html) if end == -1 else end + 3
        else:
            position = _read_element(html, start, found)
    return found


def _attribute_start(lower: str, at: int) -> int:
    """Where the attribute name around offset `at` starts, if a space, slash or quote comes before it; else 0."""
    start = at
    while start > 0 and lower[start - 1] in _NAME_CHARACTERS:
        start -= 1
    return start if start > 0 and lower[start - 1] in _ATTRIBUTE_BEFORE else 0


def _read_element(html: str, start: int, found: InlineCode) -> int:
    """Record the script or style element at `start`; where to go on from."""
    tag = _START_TAG.match(html, start)
    if tag is None:
        found.blocked.append(
            Finding("a <script> or <style> tag that cannot be read", start, html[start + 1 : start + 7])
        )
        return start + 1
    name = tag.group(1).lower()
    attributes = _attributes(tag.group(2), tag.start(2), found, name)
    if name not in _END:  # <scripts>, <styled>: another element that starts with the same letters
        return tag.end()
    end = _END[name].search(html, tag.end())
    close = len(html) if end is None else end.start()
    body = html[tag.end() : close]
    if name == "style":
        found.styles.append(body)
    elif "src" not in attributes and (attributes.get("type") or "").strip().lower() in _SCRIPT_TYPES:
        found.scripts.append(body)
    return close


def _read_tag_around(html: str, at: int, found: InlineCode) -> int:
    """Record what the attributes of the tag holding offset `at` block, if it is in a tag; where to go on from."""
    start = html.rfind("<", 0, at)
    tag = _START_TAG.match(html, start) if start != -1 else None
    if tag is not None and tag.end() > at:
        _attributes(tag.group(2), tag.start(2), found, tag.group(1).lower())
        return tag.end()
    if start != -1 and tag is None and ">" not in html[start:at] and html[start + 1 : start + 2].isalpha():
        found.blocked.append(Finding("a tag that cannot be read", start, html[start : start + 20]))
    return at + 1


def _attributes(text: str, offset: int, found: InlineCode, tag: str) -> dict[str, str]:
    """The tag's attributes by lower-case name, unescaped; record those a policy blocks."""
    attributes: dict[str, str] = {}
    for attribute in _ATTRIBUTES.finditer(text):
        name, raw = attribute.group(1).lower(), attribute.group(2) or ""
        value = html_module.unescape(raw[1:-1] if raw[:1] in "\"'" and len(raw) > 1 else raw)
        attributes.setdefault(name, value)
        where = offset + attribute.start()
        if name.startswith("on"):
            found.blocked.append(Finding(f"an event-handler attribute <{tag} {name}=…>", where, name))
        elif name == "style":
            found.blocked.append(Finding(f"a style attribute <{tag} style=…>", where, "style="))
        elif name in _URL_ATTRIBUTES and is_javascript_url(value):
            found.blocked.append(Finding(f"a javascript: URL <{tag} {name}=javascript:…>", where, "javascript:"))
    return attributes


def is_javascript_url(value: str) -> bool:
    """Does a browser read this attribute value (entities already decoded) as a javascript: URL?"""
    return _URL_IGNORED.sub("", value).strip(_URL_TRIMMED).lower().startswith("javascript:")


def source_hash(text: str) -> str:
    """The CSP source expression for an inline body: `'sha256-...'` of its UTF-8 text.

    The browser's HTML parser turns CR LF and lone CR into LF before hashing, so we do too.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def directives(script_hashes: Iterable[str], style_hashes: Iterable[str], live_reload: bool = False) -> dict[str, str]:
    """The fixed directives, with scripts and styles from our files or by one of the hashes given."""
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    if live_reload:
        scripts = "'self' 'unsafe-inline'"  # a hash in the list would make browsers ignore 'unsafe-inline'
    styles = " ".join(["'self'", *sorted(set(style_hashes))])
    return {**FIXED_DIRECTIVES, "script-src": scripts, "style-src": styles}


def content_security_policy(code: InlineCode, live_reload: bool = False) -> str:
    """The policy for a page: the fixed directives, with its (known) inline scripts and styles by hash.

    Under `mkdocs serve` (live_reload) inline scripts are allowed: MkDocs injects its live-reload script into each
    response with a timestamp in it, so no hash made at build time can match. Everything else stays as published.
    """
    hashed = directives(map(source_hash, code.scripts), map(source_hash, code.styles), live_reload)
    return "; ".join(f"{name} {value}" for name, value in hashed.items())


def header_policy(script_hashes: Iterable[str], style_hashes: Iterable[str]) -> str:
    """The policy for an HTTP header: every page's hashes (both policies apply at once) and `frame-ancestors`."""
    hashed = {**directives(script_hashes, style_hashes), "frame-ancestors": "'none'"}
    return "; ".join(f"{name} {value}" for name, value in hashed.items())


def with_policy(html: str, known: KnownCode, live_reload: bool = False) -> tuple[str, InlineCode]:
    """The page with its policy as the first element after `<meta charset>`, and its known inline code (what the
    policy allows) with every finding: blocked attributes and URLs, and inline code that is not known.

    A meta policy governs only what comes after it, so it goes before every script, style and stylesheet.
    """
    code = inline_code(html)
    allowed = InlineCode(blocked=code.blocked)
    for kind, bodies, into in (("script", code.scripts, allowed.scripts), ("style", code.styles, allowed.styles)):
        for body in bodies:
            if body in known:
                into.append(body)
            else:
                allowed.blocked.append(unknown_code(kind, body, html))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(allowed, live_reload)}">'
    anchor = _CHARSET.search(html) or _HEAD_START.search(html)
    if anchor is None:
        allowed.blocked.append(Finding("no <head> to put the Content-Security-Policy in", 0, "<head"))
        return html, allowed
    return html[: anchor.end()] + meta + html[anchor.end() :], allowed


def unknown_code(kind: str, body: str, html: str) -> Finding:
    """An inline script or style (kind) that is not the theme's or the plugin's, found by its first line."""
    offset = html.find(body) if body else -1
    needle = body.strip().splitlines()[0][:40] if body.strip() else f"<{kind}"
    return Finding(f"an inline <{kind}> that is not the theme's or the plugin's", offset, needle)


def position_in(source: str, needle: str) -> tuple[int, int] | None:
    """The 1-based line and column of the first occurrence of `needle` in `source` (any case), if it is there."""
    at = source.lower().find(needle.lower()) if needle else -1
    if at == -1:
        return None
    return source.count("\n", 0, at) + 1, at - source.rfind("\n", 0, at)
