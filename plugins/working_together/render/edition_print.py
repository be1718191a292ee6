"""A whole edition on one page, every chapter in order, for printing or saving as one PDF.

It reuses the chapter renderer, so the printed text cannot drift from the chapter pages. The page sits in
the same folder as the chapters, so their relative links stay valid; each provision appears once in an
edition, so its `#id` anchor stays unique; chapter headings move one level down under the edition's title.
"""

from __future__ import annotations

import re

from ..model import Corpus, Edition
from . import paths
from .chapter import chapter_page, superseded_banner
from .markdown import escape

_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)  # escape() turns a "#" in text into "\#", so only ours match

# The page repeats every chapter's text: leave it out of search so results point to the chapters.
_FRONT_MATTER = "---\nsearch:\n  exclude: true\n---\n\n"


def edition_print_page(corpus: Corpus, edition: Edition) -> str:
    """Front matter, title, superseded banner, a contents list, then every chapter a level down."""
    page = paths.print_page(edition.id)
    contents = [
        f"- [Chapter {chapter.number}: {escape(chapter.title)}](#chapter-{chapter.number})"
        for chapter in edition.chapters
    ]
    parts = [
        f"# {escape(edition.title)}",
        superseded_banner(corpus, edition, page),
        "The whole edition on one page, to print or save as a PDF. "
        f"[Read it chapter by chapter]({paths.link(page, paths.edition_page(edition.id))}).",
        "\n".join(contents),
    ]
    for chapter in edition.chapters:
        markdown = chapter_page(corpus, edition, chapter)
        chapter_path = paths.chapter_page(edition.id, chapter.number)
        banner = superseded_banner(corpus, edition, chapter_path)
        if banner:
            markdown = markdown.replace(banner, "", 1)
        title, _, body = markdown.partition("\n")
        heading = f"#{title} {{ #chapter-{chapter.number} .wt-print-chapter }}"
        parts.append(heading + "\n" + _HEADING.sub(r"#\1 ", body))
    return _FRONT_MATTER + "\n\n".join(part for part in parts if part) + "\n"
