"""Source document pages: publication details, how the text was cleaned, and every numbered passage."""

from __future__ import annotations

from collections import defaultdict

from ..model import Corpus, Passage, Source
from . import paths
from .markdown import escape, render_text


def source_page(corpus: Corpus, source: Source) -> str:
    """One source as an anchored page; each passage lists the provisions that rest on it."""
    page = paths.source_page(source.id)
    used_by = _used_by(corpus)
    parts = [
        f"# {escape(source.title)}",
        "\n".join(
            [
                f"- **Publisher:** {escape(source.publisher)}",
                f"- **Published:** {escape(source.published)}",
                f"- **Reference:** {escape(source.reference)}",
                f"- **Licence:** {escape(source.licence)}",
            ]
        ),
        f'!!! quote "Attribution"\n\n    {escape(source.attribution)}',
        "## How the text was cleaned",
        "The text below was extracted from the published PDF and cleaned by code, never by hand:\n\n"
        + "\n".join(f"- {escape(step)}" for step in source.cleaning),
        "## Numbered passages",
    ]
    for passage in source.passages.values():
        parts.append(_passage(passage, used_by.get((source.id, passage.location), []), page))
    return "\n\n".join(parts) + "\n"


def sources_index(corpus: Corpus) -> str:
    """All source documents with their publication details."""
    rows = ["| Document | Publisher | Published | Passages |", "| --- | --- | --- | --- |"]
    for source in corpus.sources.values():
        link = paths.link(paths.SOURCES_INDEX, paths.source_page(source.id))
        rows.append(
            f"| [{escape(source.title)}]({link}) | {escape(source.publisher)} | {escape(source.published)} "
            f"| {len(source.passages)} |"
        )
    intro = (
        "Every provision on this site states which of these documents it comes from, with a verbatim quote "
        "that is checked against the text below on every build."
    )
    return "# Sources\n\n" + intro + "\n\n" + "\n".join(rows) + "\n"


def _passage(passage: Passage, users: list[tuple[str, str]], page: str) -> str:
    used = ""
    if users:
        links = ", ".join(f"[{escape(title)}]({paths.link(page, paths.provision_page(pid))})" for pid, title in users)
        used = f"\n\n*Used by:* {links}"
    heading = f"**{escape(passage.location[0].upper() + passage.location[1:])}**"
    return (
        f'<div class="wt-passage" id="{passage.anchor}" markdown="1">\n\n{heading}\n\n'
        f"{render_text(_separate_bullets(passage.text), escape)}{used}\n\n</div>"
    )


def _separate_bullets(text: str) -> str:
    """Put blank lines between runs of bullet and plain lines so each run renders as a list or a paragraph."""
    lines: list[str] = []
    for line in text.splitlines():
        if lines and lines[-1].startswith("- ") != line.startswith("- "):
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


def _used_by(corpus: Corpus) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(source, location) -> the provisions whose evidence cites it, each once."""
    users: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for provision in corpus.provisions.values():
        for version in provision.versions:
            for evidence in version.evidence:
                entry = (provision.id, provision.title)
                if entry not in users[(evidence.source, evidence.at)]:
                    users[(evidence.source, evidence.at)].append(entry)
    return users
