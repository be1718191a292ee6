"""Source document pages: publication details, how the text was cleaned, and every numbered passage."""

from __future__ import annotations

import re
from collections import defaultdict

from ..coverage import Implementer, ItemCoverage, source_coverage
from ..load.tables import RowTable, annex_row, first_cell, paragraphs, results, table_for, table_methods
from ..model import Corpus, Passage, Source
from . import paths
from .markdown import escape, escape_html, render_text

_ENDED = re.compile(r"[.!?:;][\"”’')\]]*$")


def source_page(corpus: Corpus, source: Source) -> str:
    """One source as an anchored page; tables as tables; each passage says where it went on this site."""
    page = paths.source_page(source.id)
    used_by = _used_by(corpus)
    went = {item.passage.location: item for item in source_coverage(corpus, source.id).items}
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
        + "\n".join(f"- {escape(step)}" for step in [*source.cleaning, *table_methods(source.id)]),
        "## Numbered passages",
    ]
    passages = list(source.passages.values())
    index = 0
    while index < len(passages):
        table = table_for(source.id, passages[index].kind)
        if table is None:
            passage = passages[index]
            parts.append(_passage(passage, _where(went.get(passage.location), used_by, source.id, passage, page), page))
            index += 1
            continue
        run = []
        while index < len(passages) and passages[index].kind == table.kind:
            run.append(passages[index])
            index += 1
        wheres = [_where(went.get(passage.location), used_by, source.id, passage, page) for passage in run]
        parts.append(_table(table, run, wheres))
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


def _where(item: ItemCoverage | None, used_by: dict, source_id: str, passage: Passage, page: str) -> str:
    """Markdown saying where a passage went: implemented by, out of scope, or used by."""
    if item and item.implemented_by:
        links = ", ".join(_implementer_link(implementer, page) for implementer in item.implemented_by)
        tied = " (the sources tie it to Working Together)" if item.tied else ""
        return f"**Implemented by{tied}:** {links}"
    if item and item.out_of_scope:
        return f"**Out of scope:** {escape(item.out_of_scope)}"
    users = used_by.get((source_id, passage.location), [])
    if users:
        links = ", ".join(f"[{escape(title)}]({paths.link(page, paths.provision_page(pid))})" for pid, title in users)
        return f"*Used by:* {links}"
    return ""


def _implementer_link(implementer: Implementer, page: str) -> str:
    if implementer.kind == "term":
        return f"[{escape(implementer.title)}]({paths.link(page, paths.GLOSSARY, implementer.id)}) (glossary)"
    return f"[{escape(implementer.title)}]({paths.link(page, paths.provision_page(implementer.id))})"


def _passage(passage: Passage, where: str, page: str) -> str:
    heading = f"**{escape(passage.location[0].upper() + passage.location[1:])}**"
    start, rows, end = results(passage)
    if rows:
        answers = ["| Answer | Total | Percent |", "| --- | ---: | ---: |"]
        answers += [f"| {escape(answer)} | {total} | {percent} |" for answer, total, percent in rows]
        body = "\n\n".join(
            part
            for part in (_text(paragraphs(passage, 0, start)), "\n".join(answers), _text(paragraphs(passage, end)))
            if part
        )
    else:
        body = _text(paragraphs(passage))
    where = f"\n\n{where}" if where else ""
    return f'<div class="wt-passage" id="{passage.anchor}" markdown="1">\n\n{heading}\n\n{body}{where}\n\n</div>'


def _table(table: RowTable, run: list[Passage], wheres: list[str]) -> str:
    """Rows of a table as an HTML table (so each row keeps its anchor) whose cells hold Markdown."""
    header = "".join(f'<th scope="col" markdown="span">{escape(column)}</th>' for column in table.columns)
    lines = [
        f"### {escape(table.caption)}",
        f'<div class="wt-table" role="region" aria-label="{escape_html(table.caption)}" tabindex="0" markdown="1">',
        '<table markdown="1">',
        f'<thead markdown="1"><tr markdown="1">{header}<th scope="col">On this site</th></tr></thead>',
        '<tbody markdown="1">',
    ]
    for passage, where in zip(run, wheres, strict=True):
        lines.append(f'<tr id="{passage.anchor}" markdown="1">')
        # markdown="span" so the abbr extension expands an abbreviation in the row's name, as in the cells.
        lines.append(f'<th scope="row" markdown="span">{escape(passage.number)}</th>')
        if len(table.columns) == 4:
            cells = annex_row(passage)
            if cells is None:
                note = (
                    "*The columns of this row could not be told apart in the extraction, so its text is shown "
                    "in the extraction's order.*"
                )
                lines.append(_cell(note + "\n\n" + _text(paragraphs(passage)), colspan=3))
            else:
                lines += [_cell(_text(cell)) for cell in cells]
        else:
            lines.append(_cell(_text([first_cell(passage)[1]])))
        lines.append(_cell(where))
        lines.append("</tr>")
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def _cell(markdown: str, colspan: int = 1) -> str:
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    return f'<td{span} markdown="block">\n\n{markdown}\n\n</td>'


def _text(blocks: list[str]) -> str:
    """Paragraphs and bullet lists as escaped Markdown; a line after a bullet that has not ended carries it on."""
    groups: list[list[str]] = []  # each a paragraph (one line) or a list (lines starting "- ")
    for block in blocks:
        in_paragraph = False
        for line in block.splitlines():
            last = groups[-1] if groups else None
            if line.startswith("- "):
                if last and last[0].startswith("- "):
                    last.append(line)
                else:
                    groups.append([line])
                in_paragraph = False
            elif last and (in_paragraph or (last[0].startswith("- ") and not _ENDED.search(last[-1]))):
                last[-1] += " " + line
            else:
                groups.append([line])
                in_paragraph = True
    return render_text("\n\n".join("\n".join(group) for group in groups), escape)


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
