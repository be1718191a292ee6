"""Escaping: nothing in guidance text can become HTML, script or Markdown structure."""

from __future__ import annotations

import html

import markdown as python_markdown
import pytest
from working_together.render.markdown import escape, escape_html, render_text

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details"]
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](http://example.com/x.png)",
    "*emphasis* and __strong__ and `code`",
    "# not a heading",
    "{ onclick=alert(1) } text {: .cls }",
    "<div markdown=1>*x*</div>",
    "&lt;script&gt; and &amp;",
    "1. not a list",
    "    indented code",
    "> not a quote",
    '!!! warning "not an admonition"',
    "<http://example.com>",
]


def html_of(markdown_text: str) -> str:
    return python_markdown.markdown(markdown_text, extensions=EXTENSIONS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escaped_text_renders_as_the_same_visible_text_and_nothing_else(payload: str) -> None:
    """Each payload comes out as one paragraph of literal text: no element, link or attribute is created."""
    html = html_of(escape(payload))
    inner = html.removeprefix("<p>").removesuffix("</p>")
    assert html.startswith("<p>") and "<" not in inner
    assert inner.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"') == " ".join(
        payload.split()
    )


def test_raw_html_text_is_escaped_for_attributes_and_elements() -> None:
    """Text placed in raw HTML cannot close its attribute or element."""
    assert escape_html('a "quoted" <b> & c') == "a &quot;quoted&quot; &lt;b&gt; &amp; c"


def test_an_apostrophe_in_raw_html_reads_as_an_apostrophe() -> None:
    """A citation naming "Lord Carlile's report" must not copy a literal "&#x27;" to the clipboard."""
    escaped = escape_html("Lord Carlile's report #1")
    assert html.unescape(escaped) == "Lord Carlile's report #1"
    assert "'" not in escaped


def test_guidance_text_keeps_paragraphs_bullets_and_cross_references() -> None:
    """Our own small structure survives; the link text is whatever link_for returns."""
    text = "First *paragraph*\ncontinues.\n\n- one\n- two [[child-seen-alone]]\n"
    rendered = render_text(text, lambda identifier: f"[5.1](#{identifier})")
    assert rendered == "First \\*paragraph\\* continues\\.\n\n- one\n- two [5.1](#child-seen-alone)"
    assert html_of(rendered) == (
        "<p>First *paragraph* continues.</p>\n"
        '<ul>\n<li>one</li>\n<li>two <a href="#child-seen-alone">5.1</a></li>\n</ul>'
    )


def test_raw_html_text_keeps_markdown_links_inert_too() -> None:
    """Markdown runs its link patterns over inline HTML attributes, so [x](javascript:...) must not survive."""
    escaped = escape_html('[click](javascript:alert(1) "t") ![i](x)')
    assert escaped == "&#91;click&#93;&#40;javascript:alert&#40;1&#41; &quot;t&quot;&#41; &#33;&#91;i&#93;&#40;x&#41;"
    assert html.unescape(escaped) == '[click](javascript:alert(1) "t") ![i](x)'


@pytest.mark.parametrize("text", ["a parent's difficulties", "children's social care", "#1 & 'quoted' (2015)"])
def test_raw_html_text_decodes_to_exactly_the_text_once(text: str) -> None:
    """An apostrophe is escaped once: a browser reads "parent's", never "parent&#x27;s" (review D8)."""
    rendered = python_markdown.markdown(
        f'<p><button data-citation="{escape_html(text)}">{escape_html(text)}</button></p>'
    )
    assert html.unescape(escape_html(text)) == text
    assert "&amp;#" not in rendered and "&&#" not in rendered
