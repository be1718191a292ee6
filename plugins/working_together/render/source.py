"""Source document pages: publication details, how the text was cleaned, and the whole text, passage by passage."""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict

from ..coverage import Implementer, ItemCoverage, source_coverage
from ..load.sources import FOOTNOTE_MARK, PART, plain
from ..load.tables import RowTable, annex_row, first_cell, paragraphs, results, table_for, table_methods
from ..model import Corpus, Footnote, Passage, Source
from . import paths
from .markdown import escape, escape_html, render_text

_ENDED = re.compile(r"[.!?:;][\"”’')\]]*$")
# Where a footnote's own number goes in its list; paired with the markers in the text once the page is written.
_FOOTNOTE_PLACE = re.compile("\ue002([^\ue001]*)\ue001")
_FOOTNOTE_NUMBER = "\ue002{}\ue001 "


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
        # The id this heading had when the page showed numbered passages only, which links may still use.
        "## The document, passage by passage {#numbered-passages}",
    ]
    passages = list(source.passages.values())
    index = 0
    while index < len(passages):
        table = table_for(source.id, passages[index].kind)
        if table is None:
            passage = passages[index]
            parts.append(_passage(passage, _where(went.get(passage.location), used_by, source.id, passage, page)))
            index += 1
            continue
        run = []
        while index < len(passages) and passages[index].kind == table.kind:
            run.append(passages[index])
            index += 1
        wheres = [_where(went.get(passage.location), used_by, source.id, passage, page) for passage in run]
        parts.append(_table(table, run, wheres))
        parts += [_footnotes(passage.footnotes) for passage in run if passage.footnotes]
    return _linked_footnotes("\n\n".join(parts) + "\n")


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


def _passage(passage: Passage, where: str) -> str:
    """A numbered passage under its location, or an unnumbered part under its own heading; then its footnotes."""
    # The label is a bare <p> (styled bold) rather than <p><strong>: one element fewer for each of ~250 passages.
    if passage.kind == PART:
        label = "" if passage.headings[:1] == [0] else '<p class="wt-passage-label wt-unnumbered">Unnumbered text</p>'
        css = "wt-passage wt-part"
    else:
        location = _raw_text(passage.location[0].upper() + passage.location[1:])
        label = f'<p class="wt-passage-label">{location}</p>'
        css = "wt-passage"
    start, rows, end = results(passage)
    if rows:
        answers = ["| Answer | Total | Percent |", "| --- | ---: | ---: |"]
        answers += [f"| {escape(answer)} | {total} | {percent} |" for answer, total, percent in rows]
        parts = (_body(passage, 0, start), "\n".join(answers), _body(passage, end, None, notes_from=start))
    else:
        parts = (_body(passage, 0, None),)
    body = "\n\n".join(part for part in (label, *parts, where) if part)
    return f'<div class="{css}" id="{passage.anchor}" markdown="1">\n\n{body}\n\n</div>'


def _body(passage: Passage, start: int, end: int | None, notes: bool = True, notes_from: int | None = None) -> str:
    """The passage's lines from `start` to `end`: headings as headings, the text between as paragraphs, and each
    footnote printed there after the paragraph it interrupted (so the page keeps the source's reading order)."""
    lines = passage.text.splitlines()
    last = end is None
    end = len(lines) if end is None else end
    low = start if notes_from is None else notes_from
    placed: dict[int, list[Footnote]] = defaultdict(list)
    for footnote in passage.footnotes if notes else []:
        if low <= footnote.line < end or (last and footnote.line >= end):
            placed[_paragraph_end(passage, lines, max(footnote.line, start), end)].append(footnote)
    moved = {line for line in passage.moved if start <= line < end}
    cuts = sorted({line for line in passage.headings if start <= line < end} | moved | set(placed) | {end})
    found = []
    first = start
    for cut in cuts:
        if first < cut:
            found.append(_text(paragraphs(passage, first, cut)))
        if cut in placed:
            found.append(_footnotes(placed[cut]))
        first = cut
        if cut in moved:
            first = cut + 1  # shown further on, where the source prints it
        elif cut in passage.headings and cut < end:
            level = 3 if cut == 0 else 4
            found.append(f'<h{level} class="wt-source-heading" markdown="span">{_raw_text(lines[cut])}</h{level}>')
            first = cut + 1
    return "\n\n".join(part for part in found if part)


def _paragraph_end(passage: Passage, lines: list[str], line: int, end: int) -> int:
    """The first line at or after `line` that starts a new paragraph (or heading), or `end`."""
    for index in range(max(line, 1), end):
        if index in passage.headings or (index in passage.breaks and _ENDED.search(plain(lines[index - 1]))):
            return index
    return end


def _footnotes(footnotes: list[Footnote]) -> str:
    """Footnotes as a list, each number linking back to its marker in the text."""
    items = "".join(
        f'<li markdown="span">{_FOOTNOTE_NUMBER.format(footnote.number) if footnote.number else ""}'
        f"{'<br>'.join(_raw_text(line) for line in footnote.text.splitlines())}</li>"
        for footnote in footnotes
    )
    # In a <div>: a Markdown list straight after a bare <ul> would be read as more items of it. Left out of the
    # search index: references and addresses, which only made the index every page downloads larger.
    # markdown="1" on both, and "span" on each item, so the abbr extension expands abbreviations in footnotes.
    footnote_list = f'<ul aria-label="Footnotes" markdown="1">{items}</ul>'
    return f'<div class="wt-footnotes" data-search-exclude markdown="1">{footnote_list}</div>'


def _raw_text(text: str) -> str:
    """Text inside a raw HTML element of the page, which Markdown leaves alone: only <, > and & are escaped."""
    return html.escape(text, quote=False)


def _linked_footnotes(page: str) -> str:
    """Markers and footnotes paired in reading order (the n-th marker 4 with the n-th footnote 4), linked both ways.

    A marker without a footnote, or a footnote without a marker, is shown unlinked rather than as a broken link."""
    markers = Counter(FOOTNOTE_MARK.findall(page))
    notes = Counter(_FOOTNOTE_PLACE.findall(page))
    seen: Counter[tuple[str, str]] = Counter()

    def ids(kind: str, number: str) -> tuple[str, bool]:
        seen[(kind, number)] += 1
        count = seen[(kind, number)]
        suffix = "" if count == 1 else f"-{count}"
        other = notes if kind == "marker" else markers
        return f"{number}{suffix}", other[number] >= count

    def marker(match: re.Match[str]) -> str:
        key, linked = ids("marker", match[1])
        number = escape_html(match[1])
        if not linked:
            return f'<sup class="wt-fnref">{number}</sup>'
        label = f"Footnote {number}"
        return f'<sup class="wt-fnref"><a id="fnref-{key}" href="#fn-{key}" aria-label="{label}">{number}</a></sup>'

    def note(match: re.Match[str]) -> str:
        key, linked = ids("note", match[1])
        number = escape_html(match[1])
        if not linked:
            return f'<span class="wt-fnnum" id="fn-{key}">{number}</span>'
        label = f"Back to the text of footnote {number}"
        return f'<a class="wt-fnnum" id="fn-{key}" href="#fnref-{key}" aria-label="{label}">{number}</a>'

    page = _FOOTNOTE_PLACE.sub(note, FOOTNOTE_MARK.sub(marker, page))
    # Two markers side by side ("^{16 17}" in the extraction) read as 16,17, not 1617.
    return page.replace('</sup><sup class="wt-fnref">', '</sup><sup class="wt-fnref">,')


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
                lines.append(_cell(note + "\n\n" + _body(passage, 0, None, notes=False), colspan=3))
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
        for number, line in enumerate(block.splitlines()):
            last = groups[-1] if groups else None
            # A new paragraph carries on an unfinished bullet only in lower case: "- Notifiable incidents" then
            # "In 2007, …" is a list item used as a heading, then a paragraph.
            unfinished = last and last[0].startswith("- ") and not _ENDED.search(plain(last[-1]))
            if line.startswith("- "):
                if last and last[0].startswith("- "):
                    last.append(line)
                else:
                    groups.append([line])
                in_paragraph = False
            elif last and (in_paragraph or (unfinished and (number > 0 or line[:1].islower()))):
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
