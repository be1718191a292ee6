"""Tables in the source documents: how a passage's cleaned lines are read back into rows and columns.

The extraction keeps no table structure, so each layout below is a rule applied by
code, the same on every build, and described on the source's page. Where a rule
cannot tell the columns of a row apart, the row says so and keeps the extraction's
order rather than guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Passage
from .sources import plain

_SENTENCE_END = re.compile(r"[.!?:;][\"”’')\]]*$")
_RESULT = re.compile(r"^(?P<answer>\S.*?) (?P<total>\d+) (?P<percent>\d+%)$")
_RESULTS_HEADER = "Total Percent"

# Annex A of the 2010 action plan: the widest line of a block of text tells its column.
_RECOMMENDATION_WIDTH = 45  # Lord Laming's recommendations are set in the narrowest column ...
_RESPONSE_WIDTH = 56  # ... the Government's response of May 2009 in a wider one, the progress of March 2010 the widest
_MERGED_WIDTH = 80  # a line this long holds text of two columns run together
_SHORT_ITEM = 70  # a one-line list item this short, before a block starting with a capital, stands alone
_HEADING = 40  # a one-line block this short that does not end a sentence is a heading, such as "Government response"


@dataclass(frozen=True)
class RowTable:
    """A table whose rows are passages of one kind: the columns and how a passage is read into them."""

    kind: str
    caption: str
    columns: tuple[str, ...]
    method: str  # what readers are told about how the columns were found


TABLES = {
    ("action-plan-2010", "recommendation"): RowTable(
        "recommendation",
        "Annex A: the Government's response to Lord Laming, progress update on 58 recommendations",
        (
            "Ref no",
            "Lord Laming's recommendation (March 2009)",
            "Government's response (May 2009)",
            "Progress update (March 2010)",
        ),
        "Annex A is shown as a table. The extraction gives each row's columns one after another, as blocks of "
        "text separated by blank lines; a block's column is told by the length of its longest line (the "
        f"recommendation column holds lines of up to {_RECOMMENDATION_WIDTH} characters, the response column up to "
        f"{_RESPONSE_WIDTH}, the progress column more), and a one-line block goes with the block after it. Where "
        "the blocks of a row do not fall in column order (the row runs over a page), or a line runs two columns "
        "together, the row says so and its text is shown in the extraction's order across the three columns.",
    ),
    ("wt-consultation-response-2015", "respondent"): RowTable(
        "respondent",
        "Annex A: consultation responses",
        ("Respondent", "Number of responses"),
        "Annex A (respondents) and Annex B (clarifications and updates) are shown as tables: the extraction "
        "separates their cells with a tab, and the first cell names the row. Each consultation question's table "
        "of answers (answer, total, percent) is read from its lines of the form “Yes 139 46%”.",
    ),
    ("wt-consultation-response-2015", "clarification"): RowTable(
        "clarification", "Annex B: clarifications and updates", ("Policy area", "Clarification or update"), ""
    ),
    ("laming-2009", "abbreviation"): RowTable(
        "abbreviation",
        "Glossary of abbreviations",
        ("Abbreviation", "Meaning"),
        "The glossary of abbreviations is shown as a table: the first word of each line is the abbreviation.",
    ),
}


def table_for(source_id: str, kind: str) -> RowTable | None:
    """The table layout that passages of this kind in this source are shown in, if any."""
    return TABLES.get((source_id, kind))


def table_methods(source_id: str) -> list[str]:
    """What readers are told about how this source's tables were read."""
    return [table.method for (sid, _), table in TABLES.items() if sid == source_id and table.method]


def blocks(passage: Passage, start: int = 0, end: int | None = None) -> list[list[str]]:
    """The passage's lines (from line `start` to `end`) in the blocks the extraction separated by blank lines."""
    lines = passage.text.splitlines()
    end = len(lines) if end is None else end
    edges = [start, *(line for line in passage.breaks if start < line < end), end]
    return [lines[first:last] for first, last in zip(edges, edges[1:], strict=False) if lines[first:last]]


def paragraphs(passage: Passage, start: int = 0, end: int | None = None) -> list[str]:
    """Paragraphs: blocks joined again where a block break falls inside a sentence (a page break)."""
    return _joined(["\n".join(block) for block in blocks(passage, start, end)])


def annex_row(passage: Passage) -> list[list[str]] | None:
    """Annex A: the paragraphs of the recommendation, response and progress columns, or None if unreliable."""
    parts = blocks(passage)
    columns: list[int | None] = []
    for index, block in enumerate(parts):
        width = max(len(plain(line)) for line in block)
        if width > _MERGED_WIDTH:
            return None
        if index == 0:
            columns.append(0)
        elif len(block) == 1:
            columns.append(None)  # one line cannot show its column's width
        else:
            columns.append(0 if width <= _RECOMMENDATION_WIDTH else 1 if width <= _RESPONSE_WIDTH else 2)
    following = 2
    for index in reversed(range(len(columns))):
        columns[index] = following = columns[index] if columns[index] is not None else following
    if columns != sorted(columns) or set(columns) != {0, 1, 2}:
        return None
    cells: list[list[str]] = [[], [], []]
    for column, block in zip(columns, parts, strict=True):
        cells[column].append("\n".join(block))
    cells[0][0] = cells[0][0].removeprefix(f"{passage.number} ")
    return [_joined(cell) for cell in cells]


def _joined(blocks_of_text: list[str]) -> list[str]:
    """Blocks as paragraphs: a block carries on the one before if that stopped mid-sentence and is not a heading
    (nor a list item standing alone before a capitalised block, as a list item used as a heading does)."""
    found: list[str] = []
    for text in blocks_of_text:
        last = plain(found[-1]) if found else ""
        heading = found and "\n" not in last and len(last) <= _HEADING and last[:1].isupper()
        item = "\n" not in last and last.startswith("- ") and len(last) <= _SHORT_ITEM and text[:1].isupper()
        if found and not heading and not item and not _SENTENCE_END.search(last) and not text.startswith("- "):
            found[-1] += "\n" + text
        else:
            found.append(text)
    return found


def first_cell(passage: Passage) -> tuple[str, str]:
    """A row named by its first cell: (that cell, the rest of the row)."""
    return passage.number, passage.text.removeprefix(passage.number).strip()


def results(passage: Passage) -> tuple[int, list[tuple[str, str, str]], int]:
    """A consultation question's table of answers: the line it starts at, its rows (answer, total, percent), the
    line after it; (0, [], 0) if there is none."""
    lines = passage.text.splitlines()
    if _RESULTS_HEADER not in lines:
        return 0, [], 0
    start = lines.index(_RESULTS_HEADER)
    end = start + 1
    rows = []
    while end < len(lines) and (match := _RESULT.match(lines[end])):
        rows.append((match["answer"], match["total"], match["percent"]))
        end += 1
    return start, rows, end
