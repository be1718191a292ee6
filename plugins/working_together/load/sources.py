"""Source documents: reproducible cleaning of the extracted text and its split into numbered passages.

The text files are kept exactly as extracted. Cleaning happens here, in code, so
every change to the wording a reader sees is repeatable and listed on the
source's page; nothing is edited by hand.

The split reads the text line by line. Each source's `locations` rules say which
lines open a passage. Every other line is page furniture (removed everywhere), a
footnote (left out; the passage carries on after it), a heading or box that ends
a numbered passage, or more of the current passage. Each general rule is written
out for readers in STANDARD_CLEANING; what is particular to one document is in
its `cleaning:` list.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass

import regex

from ..model import Footnote, Passage

try:  # the standard library's parser, to look at a pattern's structure without compiling it
    from re import _parser as _re_parser
except ImportError:  # pragma: no cover - Python before 3.11
    import sre_parse as _re_parser  # type: ignore[no-redef]

# What every source's conversion does, shown on its page (a source adds its own notes in `cleaning:`).
STANDARD_CLEANING = [
    "Runs of spaces and tab characters between words are read as one space.",
    "Markdown emphasis marks (*) and heading marks (#) left by the extraction are removed.",
    "Footnote markers (superscript numbers, and footnote numbers the extraction ran on to the word or figure "
    "before them) are shown as footnote references linked to their footnotes.",
    "Italic marks the extraction left as HTML tags are removed, and a link is shown as its text.",
    "List marks (-, •, ●●) are shown as list items.",
    "Footnotes printed at the foot of a page are taken out of the passage they interrupt, which carries on "
    "after them, and shown as footnotes after it, with the numbered notes, such as “(1) …”, that belong to a "
    "footnote or figure.",
    "Page furniture is left out, and only these kinds of it: lone page numbers, running headers such as "
    "“CHAPTER 9 83”, a running title the extraction broke into fragments, column headings repeated at the top "
    "of each page of a table, and the cover's short lines (such as the publisher's name) printed again on the "
    "back page.",
    "Text that is not part of a numbered passage (an introduction, a foreword, a letter, a box, a case study, "
    "an annex, a list) is shown in its place as an unnumbered part, anchored by its first heading or, if it "
    "has none, by the passage it follows.",
    "A line the extraction marked as a list item but which carries on the sentence of the line before "
    "(after a page break) is read as ordinary text.",
    "A numbered paragraph or recommendation ends at the next numbered passage, or at the next heading, box "
    "(such as “Recommendation” or “Case study”), stand-alone quotation, line in bold or indented new block "
    "of text; a passage that opens with a heading, such as a section or a consultation question, and a table "
    "row run on to the next passage.",
]

_SUPERSCRIPT_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_SUP_TAG = re.compile(r"<sup>([^<]*)</sup>")
_SUPERSCRIPT_RUN = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+")
_LATEX_SUPERSCRIPT = re.compile(r"\^\{([\d ]+)\}")  # "^{16 17}": two markers the extraction wrote as LaTeX
_ITALIC_TAG = re.compile(r"</?i>")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
# A footnote marker kept in passage text: private-use characters round the number, never typed in YAML or
# sources, so renderers can turn it into a link and quotes can ignore it.
FOOTNOTE_MARK = re.compile("\ue000([^\ue001]*)\ue001")
_EMPHASIS = re.compile(r"\*+")
_HEADING = re.compile(r"^\s*#+\s*")
_BULLET = re.compile(r"^\s*(?:[-\u2013]|[\u2022\u25aa\u25cf]+)\s+")
_SPACE = re.compile(r"\s+")

# Footnotes: "¹² PSA Delivery…", "^{48 618}G survey…" (a garbled superscript), "- 40 Figures…", "3\t http://…".
_FOOTNOTE_SUPERSCRIPT = re.compile(r"^\s*(?:- )?\s*(?:([\u00b9\u00b2\u00b3\u2070-\u2079]+)|\^\{(\d+))")
_FOOTNOTE_NUMBER = re.compile(r"^\s*(?:- )?(\d{1,3})(\t| )\s*\S")
_NOTE = re.compile(r"^\s*- \(\d{1,2}\) ")  # "(1) Figures are for April to September 2008", under a figure or footnote
# Page furniture.
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_RUNNING_HEADER = re.compile(r"^\s*(?:CHAPTER|APPENDIX|ANNEX)\s+\w{1,3}\s+\d{1,3}\s*$")
_FRAGMENT_MAX = 30  # a sideways running title comes out as short pieces broken mid-word
_REPEATED_BLOCK = 3  # lines in a block of column headings ...
_REPEATS = 5  # ... repeated at least this often
_DISTINCTIVE = 40  # a repeated heading line this long is removed wherever it stands alone
_COVER_LINES = 8  # lines with text on the cover ...
_BACK_PAGE_LINES = 20  # ... and on the back page
# Unnumbered parts.
PART = "part"
_PART_NAME = 80  # a part is named by at most this much of its heading
_RUN_ON_REACH = 12  # passages searched back for a footnote number run on to a word
_CONTENTS_ENTRY = re.compile(r"\t\s*\d+\s*$")  # "Appendix 2:\tGlossary of abbreviations\t96"
# A line that names a part of a document is a heading wherever it stands, even run on to the next line ...
_PART_WORD = re.compile(r"^(?:(?:Ministerial )?Foreword|Introduction|Contents|Annex [A-Z]|Appendix \d)\b")
# ... and a line standing alone that does so, or is set in capitals, is a heading after any line.
_PART_TITLE = re.compile(rf"{_PART_WORD.pattern}|^[^a-z]*[A-Z]{{2}}[^a-z]*$")
# Headings and boxes.
_SHORT = 70
_SENTENCE_END = re.compile(r"[.!?:;][\"”’')\]]*$")
_FULL_STOP = re.compile(r"[.!?][\"”’')\]]*$")
_NO_HEADING_END = re.compile(r"[.,;:!][\"”’')\]]*$")
_BOLD_LINE = re.compile(r"^\s*(?:#+\s*)?\*\*[^*]+\*\*\s*$")
_BOX_TITLE = re.compile(r"^\s*Case\s+study\b")
_QUOTE_START = re.compile(r"^[\"“‘]")
# The end of a line before a real list item: a sentence or clause ends, or "…; and" / "…; or" joins items.
_LIST_LEAD_IN = re.compile(r"(?:[.!?:;][\"”’')\]]*|(?:^|;\s*)(?:and|or))$")


# A source's `locations` patterns are written by contributors, and a pattern can cost exponential time
# (`(\\w+\\s?)+$`) or minutes to compile (`(a{999}){999}`). So a pattern is refused if it is long, repeats
# more than _MAX_REPEAT times, or repeats something that itself repeats or branches; and matching runs
# with the `regex` module's timeout, so whatever gets through stops after PATTERN_TIME_LIMIT seconds for
# a whole document (the real patterns take milliseconds).
MAX_PATTERN_LENGTH = 1000
_MAX_REPEAT = 100
PATTERN_TIME_LIMIT = 5.0
_REPEAT_OPERATORS = {_re_parser.MAX_REPEAT, _re_parser.MIN_REPEAT, getattr(_re_parser, "POSSESSIVE_REPEAT", None)} - {
    None
}


class PatternTooSlow(Exception):
    """Matching a location pattern against a document ran past its time limit."""

    def __init__(self, kind: str, pattern: str, limit: float) -> None:
        super().__init__(f"the {kind} pattern took more than {limit:g} s")
        self.kind = kind
        self.pattern = pattern
        self.limit = limit


def compile_location(text: str) -> regex.Pattern[str]:
    """A contributor's location pattern, compiled; raise ValueError saying why it cannot be used."""
    if len(text) > MAX_PATTERN_LENGTH:
        raise ValueError(f"the pattern is longer than {MAX_PATTERN_LENGTH} characters")
    try:
        _check_repeats(_re_parser.parse(text), repeated=False)
        return regex.compile(text)
    except (re.error, regex.error, OverflowError, RecursionError, MemoryError, ValueError) as error:
        reason = str(error) if not isinstance(error, RecursionError) else "nested too deeply"
        raise ValueError(
            reason if isinstance(error, ValueError) else f"not a valid regular expression ({reason})"
        ) from None


def _check_repeats(items: object, repeated: bool) -> None:
    """Refuse a repeat count over _MAX_REPEAT, and a repeat (+, *, {m,n}) of anything that repeats or branches."""
    for operator, argument in items:  # type: ignore[attr-defined]
        if operator in _REPEAT_OPERATORS:
            low, high, body = argument
            for count in (low, high):
                if count != _re_parser.MAXREPEAT and count > _MAX_REPEAT:
                    raise ValueError(f"a repeat count over {_MAX_REPEAT} ({count}); passages start with short text")
            if repeated and high > 1:
                raise ValueError(
                    "a repeated group contains another repeat, which can take exponential time: "
                    "write it without nesting, such as \\w[\\w\\s]* instead of (\\w+\\s?)+"
                )
            _check_repeats(body, repeated or high > 1)
        elif operator is _re_parser.BRANCH:
            if repeated:
                raise ValueError("a repeated group contains alternatives (a|b), which can take exponential time")
            for branch in argument[1]:
                _check_repeats(branch, repeated)
        elif operator is _re_parser.SUBPATTERN:
            _check_repeats(argument[-1], repeated)
        elif operator in (_re_parser.ASSERT, _re_parser.ASSERT_NOT):
            _check_repeats(argument[1], repeated)
        elif operator is _re_parser.GROUPREF_EXISTS:
            for branch in argument[1:]:
                if branch is not None:
                    _check_repeats(branch, repeated)
        elif operator is getattr(_re_parser, "ATOMIC_GROUP", None):
            _check_repeats(argument, repeated)


@dataclass(frozen=True)
class LocationRule:
    """How to recognise the first line of one kind of numbered passage, and where in the document to look.

    The pattern's `number` group gives the passage's number. Three optional groups handle lines the
    extraction garbled: `previous`, text at the start of the line that still belongs to the passage
    before; `stray`, a paragraph number printed inside the line instead of at its start (it is moved
    to the start); and an empty `number` group, for a paragraph whose number was lost, which is then
    numbered after the passage of its kind before it. An empty `row` group marks the passages as the
    rows of a table, which run on to the next row: a line that looks like a heading or a box inside a
    table cell does not end them.
    """

    kind: str
    pattern: regex.Pattern[str]
    start_marker: str = ""
    end_marker: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.pattern, re.Pattern):  # the `regex` module matches with a time limit
            object.__setattr__(self, "pattern", regex.compile(self.pattern.pattern, self.pattern.flags))


def footnote_mark(number: str) -> str:
    """The marker of footnote `number` as it is kept in passage text."""
    return f"\ue000{number}\ue001"


def plain(text: str) -> str:
    """Text without its footnote markers, as the rules that find headings and sentence ends read it."""
    return FOOTNOTE_MARK.sub("", text)


def _marks(line: str) -> str:
    """Footnote markers in their kept form; italic tags removed; links as their text."""
    line = _SUP_TAG.sub(lambda match: footnote_mark(match[1]) if match[1].strip().isdigit() else "", line)
    line = _SUPERSCRIPT_RUN.sub(lambda match: footnote_mark(str(_footnote_number(match[0]))), line)
    line = _LATEX_SUPERSCRIPT.sub(lambda match: "".join(footnote_mark(number) for number in match[1].split()), line)
    line = _ITALIC_TAG.sub("", line)
    return _LINK.sub(lambda match: match[1] if match[2] in {"", "#"} else f"{match[1]} ({match[2]})", line)


def clean_line(line: str) -> str:
    """One extracted line with footnote markers kept as markers, emphasis and heading marks removed, spaces tidied."""
    line = _marks(line)
    line = _EMPHASIS.sub("", line)
    line = _HEADING.sub("", line)
    bullet = "- " if _BULLET.match(line) else ""
    return bullet + _SPACE.sub(" ", _BULLET.sub("", line)).strip()


def cleaned_text(text: str) -> str:
    """The whole document as cleaned for its page: page furniture left out, every other line cleaned."""
    lines = text.splitlines()
    furniture = page_furniture(lines)
    return "\n".join(clean_line(line) for index, line in enumerate(lines) if index not in furniture)


def normalise(text: str) -> str:
    """Text compared for quotes: only whitespace, bullet marks and footnote markers are ignored."""
    text = plain(_marks(text))
    text = "\n".join(_BULLET.sub("", line) for line in text.splitlines())
    return _SPACE.sub(" ", text).strip()


def page_furniture(lines: list[str]) -> set[int]:
    """Indexes of lines that belong to the page rather than the text: page numbers, running headers and titles."""
    furniture = {
        index
        for index, line in enumerate(lines)
        if _PAGE_NUMBER.match(line) or _RUNNING_HEADER.match(_EMPHASIS.sub("", line))
    }
    furniture |= _title_fragments(lines) | _repeated_blocks(lines) | _cover_repeats(lines)
    return furniture | _repeated_column_headings(lines)


def _repeated_column_headings(lines: list[str]) -> set[int]:
    """A table's line of column headings (cells split by tabs) printed again among its rows, after a page break."""
    found: set[int] = set()
    seen: set[str] = set()
    previous = ""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if "\t" in line.strip() and line.strip() in seen and "\t" in previous:
            found.add(index)
        seen.add(line.strip())
        previous = line.strip()
    return found


def _title_fragments(lines: list[str]) -> set[int]:
    """A running title printed sideways comes out as a run of short pieces, three or more of them broken mid-word."""
    found: set[int] = set()
    index = 0
    while index < len(lines):
        if not lines[index].strip() or len(lines[index].strip()) > _FRAGMENT_MAX:
            index += 1
            continue
        run = []
        while index < len(lines) and len(lines[index].strip()) <= _FRAGMENT_MAX:
            if lines[index].strip():
                run.append(index)
            index += 1
        # Pieces broken mid-word ("overnm" / "ent's"), grouped while they follow one another.
        broken = [
            (a, b) for a, b in zip(run, run[1:], strict=False) if re.search(r"\w$", lines[a]) and lines[b][:1].islower()
        ]
        pieces = sorted({line for pair in broken for line in pair})
        place = {line: position for position, line in enumerate(run)}  # run.index() made long runs quadratic
        groups: list[list[int]] = []
        for line in pieces:
            if groups and place[line] == place[groups[-1][-1]] + 1:
                groups[-1].append(line)
            else:
                groups.append([line])
        group_of = {line: number for number, group in enumerate(groups) for line in group}
        pairs = Counter(group_of[a] for a, b in broken if group_of[a] == group_of[b])
        for number, group in enumerate(groups):
            if pairs[number] >= 3:
                found |= set(group)
                after = place[group[-1]] + 1
                if after < len(run) and _PAGE_NUMBER.match(lines[run[after]]):
                    found.add(run[after])
    return found


def _repeated_blocks(lines: list[str]) -> set[int]:
    """Blocks of short lines repeated identically on page after page: a table's column headings."""
    texts = [(index, line.strip()) for index, line in enumerate(lines) if line.strip()]
    grams = [texts[i : i + _REPEATED_BLOCK] for i in range(len(texts) - _REPEATED_BLOCK + 1)]
    counts = Counter(tuple(text for _, text in gram) for gram in grams)
    found: set[int] = set()
    for gram in grams:
        key = tuple(text for _, text in gram)
        if counts[key] >= _REPEATS and all(len(text) <= _SHORT for text in key):
            found |= {index for index, _ in gram}
    # Where a page repeats only part of the block: a distinctive heading line, or one next to another heading line.
    headings = {text for index, text in texts if index in found}
    changed = True
    while changed:
        changed = False
        for position, (index, text) in enumerate(texts):
            if index in found or text not in headings:
                continue
            neighbours = {texts[near][0] for near in (position - 1, position + 1) if 0 <= near < len(texts)}
            if len(text) >= _DISTINCTIVE or neighbours & found:
                found.add(index)
                changed = True
    return found


def _cover_repeats(lines: list[str]) -> set[int]:
    """Short lines of the cover (such as the publisher's name) printed again on the back page."""
    texts = [(index, line.strip()) for index, line in enumerate(lines) if line.strip()]
    if len(texts) <= _COVER_LINES + _BACK_PAGE_LINES:
        return set()
    cover = {text for _, text in texts[:_COVER_LINES] if len(text) <= _FRAGMENT_MAX}
    return {index for index, text in texts[-_BACK_PAGE_LINES:] if text in cover}


def split_passages(text: str, rules: list[LocationRule], time_limit: float | None = None) -> dict[str, Passage]:
    """The numbered passages of a document, keyed by location such as 'paragraph 3.26', in document order.

    A passage starts at a line matching one of the rules and runs until the next
    passage starts, a markdown heading appears, or its kind's end marker is reached;
    a numbered paragraph (one that does not open with a heading, and is not a table
    row) also ends at a sub-heading, box, stand-alone quotation or bold line. Page
    furniture and footnotes are skipped without ending the passage. When a number
    repeats (a running page header, a quoted list), the first occurrence wins and
    later ones are read as continuation text. Raise PatternTooSlow if the rules' patterns take
    longer than `time_limit` seconds in all.
    """
    limit = PATTERN_TIME_LIMIT if time_limit is None else time_limit
    return _Splitter(text, rules, limit).passages


class _Splitter:
    """One pass over a document's lines, keeping the passage being read and the footnotes seen so far."""

    def __init__(self, text: str, rules: list[LocationRule], limit: float) -> None:
        self.limit = limit
        self.deadline = time.monotonic() + limit
        self.lines = text.splitlines()
        self.rules = rules
        self.passages: dict[str, Passage] = {}
        self.active = [not rule.start_marker for rule in rules]
        self.current: Passage | None = None
        self.headed = False  # the current passage opened with a heading, so sub-headings do not end it
        self.parent: Passage | None = None  # the last passage that opened with a heading, such as a chapter
        self.last_footnote = 0
        self.footnote_block = False  # the last line with text was a footnote
        self.after_footnote = False  # the line just before was a footnote (or its continuation)
        self.blank = False  # a blank line since the current passage's last line: a possible paragraph break
        self.row = False  # the current passage is a table row
        self.numbered: Passage | None = None  # the last numbered passage, which names the unnumbered part after it
        self.note: Footnote | None = None  # the last footnote read, which a note or broken line carries on
        self.named: set[int] = set()  # ids of parts named when they were made, not by their heading
        self.markers = _footnote_markers(self.lines)
        furniture = page_furniture(self.lines)
        for index, raw in enumerate(self.lines):
            self._markers(raw)
            if index not in furniture:
                self._read(index, raw)
        self.passages = _named(self.passages, self.named)

    def _markers(self, raw: str) -> None:
        """Switch kinds of passage on and off at their `from` and `until` lines; an `until` line ends the passage."""
        for number, rule in enumerate(self.rules):
            if rule.start_marker and rule.start_marker in raw:
                self.active[number] = True
            elif rule.end_marker and rule.end_marker in raw and self.active[number]:
                self.active[number] = False
                if self.current and self.current.kind == rule.kind:
                    self.current = None

    def _read(self, index: int, raw: str) -> None:
        if self._start(raw):
            self.footnote_block = self.after_footnote = False
            return
        if not raw.strip():
            self.after_footnote = False
            self.blank = True
            return
        if self._footnote(index, raw):
            self.footnote_block = self.after_footnote = True
            return
        self.footnote_block = self.after_footnote = False
        if _BOLD_LINE.match(raw) and self.parent:
            # A question in bold between numbered paragraphs belongs with the heading it stands under (quotes cite
            # it there); it is also kept where it was printed, as a part that the page shows in its place.
            self.parent.text += "\n" + clean_line(raw)
            if self.current is not self.parent:
                self._moved(self.parent, clean_line(raw))
        elif _HEADING.match(raw):
            self.current = self.parent = None
            self._part(index, raw)
        elif self.current and self.current.kind != PART and not self.headed and self._ends_passage(index, raw):
            self.current = None
            self._part(index, raw)
        elif self.current and self.current.kind != PART:
            self._continue(clean_line(raw), self.headed and not self.row and self._stands_alone(index, raw))
        else:
            self._part(index, raw)

    def _part(self, index: int, raw: str) -> None:
        """Add a line that is in no numbered passage to the unnumbered part being read, or open a new part."""
        heading = bool(_HEADING.match(raw) or _BOLD_LINE.match(raw)) or self._stands_alone(index, raw)
        part = self.current if self.current and self.current.kind == PART else None
        if part and heading and len(part.headings) < len(part.text.splitlines()):
            part = None  # a heading after text opens a new part; headings one after another stay together
        line = clean_line(raw)
        lines = part.text.split("\n") if part else []
        if part and len(lines) - 1 in part.headings and _broken_heading(plain(lines[-1]), plain(line)):
            part.text = "\n".join([*lines[:-1], f"{lines[-1]} {line}"])
            return
        if part:
            self._continue(line, heading)
            return
        line = clean_line(raw).removeprefix("- ")
        # Named at the end (see _named), when footnote numbers run on to a heading have been found.
        after = f"after {self.numbered.location}" if self.numbered else "opening"
        self.current = Passage(PART, after, line, headings=[0] if heading else [])
        self.passages[f"{PART} {len(self.passages)}"] = self.current
        self.headed = self.row = self.blank = False

    def _moved(self, parent: Passage, line: str) -> None:
        """A line of `parent` printed further on: a part in its place, named after the parent, shows it there."""
        parent.moved.append(parent.text.count("\n"))
        self.current = Passage(PART, f"{parent.location} question {len(parent.moved)}", line, headings=[0])
        self.passages[f"{PART} {len(self.passages)}"] = self.current
        self.named.add(id(self.current))
        self.headed = self.row = self.blank = False

    def _stands_alone(self, index: int, raw: str) -> bool:
        """Is this line a heading: short, not ending like a sentence, after a sentence or heading, before a break?"""
        line = plain(clean_line(raw))
        lines = self.current.text.splitlines() if self.current else []
        previous = plain(lines[-1]) if lines else ""
        after_heading = bool(lines) and self.current is not None and len(lines) - 1 in self.current.headings
        return bool(
            _looks_like_heading(line)
            and (line[:1].isupper() or line[:1].isdigit())
            and not _QUOTE_START.match(previous)
            and (not previous or after_heading or _SENTENCE_END.search(previous) or _PART_TITLE.match(line))
            and not _CONTENTS_ENTRY.search(raw)
            and (self._break_after(index) or bool(_PART_WORD.match(line)))
        )

    def _start(self, raw: str) -> bool:
        """Open a new passage if this line begins one that has not been seen yet."""
        line = _EMPHASIS.sub("", raw)
        for number, rule in enumerate(self.rules):
            match = self._match(rule, line) if self.active[number] else None
            if not match:
                continue
            groups = match.groupdict()
            passage_number = match["number"] or self._next_number(rule.kind)
            if not passage_number or f"{rule.kind} {passage_number}" in self.passages:
                continue
            if groups.get("previous"):
                if self.current:
                    self._continue(clean_line(groups["previous"]))
                else:
                    self._part(0, groups["previous"])
                line = line[match.end("previous") :]
            if groups.get("stray"):
                line = line[: match.start("stray")] + line[match.end("stray") :]
            text = clean_line(line).removeprefix("- ")
            if groups.get("stray") or not match["number"]:
                text = f"{passage_number} {text}"
            self.current = self.numbered = Passage(rule.kind, passage_number, text)
            self.blank = False
            self.row = "row" in groups
            if _looks_like_heading(plain(text)):
                self.parent = self.current
                if not self.row:
                    self.current.headings.append(0)
            self.headed = _looks_like_heading(plain(text)) or self.row
            self.passages[self.current.location] = self.current
            return True
        return False

    def _next_number(self, kind: str) -> str:
        """The number after the last passage of this kind: '5.1' -> '5.2', '7' -> '8'."""
        numbers = [passage.number for passage in self.passages.values() if passage.kind == kind]
        if not numbers or not re.fullmatch(r"(\d+\.)*\d+", numbers[-1]):
            return ""
        head, _, last = numbers[-1].rpartition(".")
        return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)

    def _footnote(self, index: int, raw: str) -> bool:
        """Is this line a footnote, a note under one, or the continuation of the footnote just before?"""
        if _NOTE.match(raw):
            if self.footnote_block and self.note:
                self._carry_note(index, raw)
            else:
                self._add_note(index, "", raw)  # a note under a figure or table: shown with the footnotes, unnumbered
            return True
        # The footnote's own next line: a URL broken over two lines, or an indented line not carrying on a sentence.
        follows = len(raw.split()) == 1 or (raw[:1].isspace() and not raw.strip()[:1].islower())
        if self.after_footnote and follows and not _BULLET.match(raw):
            self._carry_note(index, raw)
            return True
        superscript = _FOOTNOTE_SUPERSCRIPT.match(raw)
        if superscript:
            digits = superscript[1] or superscript[2]
            self.last_footnote = max(self.last_footnote, _footnote_number(digits))
            self._add_note(index, str(_footnote_number(digits)), raw[superscript.end() :])
            return True
        numbered = _FOOTNOTE_NUMBER.match(raw)
        if not numbered:
            return False
        number = int(numbered[1])
        expected = (
            any(line < index for line in self.markers.get(number, []))
            or (numbered[2] == "\t" and number <= self.last_footnote + 3)
            or (self.footnote_block and number <= self.last_footnote + 2)
        )
        if number > self.last_footnote and expected:
            self.last_footnote = number
            self._add_note(index, str(number), raw[numbered.end(1) :])
            return True
        return False

    def _add_note(self, index: int, number: str, text: str) -> None:
        """Keep a footnote with the passage being read, and mark its place in the text if no superscript does."""
        holder = self.current or self.numbered
        if holder is None:
            self._part(index, "")
            holder = self.current
        assert holder is not None
        self.note = Footnote(number, clean_line(text).removeprefix("- "), holder.text.count("\n") + 1, [index])
        holder.footnotes.append(self.note)
        if number and not any(line < index for line in self.markers.get(int(number), [])):
            self._mark_run_on(number)

    def _carry_note(self, index: int, raw: str) -> None:
        if self.note:
            self.note.text += "\n" + clean_line(raw)
            self.note.source_lines.append(index)

    def _mark_run_on(self, number: str) -> None:
        """A footnote number the extraction ran on to the word or figure before it ("by 15%1.") becomes a marker."""
        pattern = re.compile(rf"(?<=[A-Za-z%’”)]){number}(?=[.,;:’”)]*(?:\s|$))")
        for passage in reversed(list(self.passages.values())[-_RUN_ON_REACH:]):
            lines = passage.text.split("\n")
            for position in reversed(range(len(lines))):
                found = list(pattern.finditer(lines[position]))
                if found:
                    match = found[-1]
                    lines[position] = (
                        lines[position][: match.start()] + footnote_mark(number) + lines[position][match.end() :]
                    )
                    passage.text = "\n".join(lines)
                    return

    def _ends_passage(self, index: int, raw: str) -> bool:
        """Does this line close a numbered passage: a heading, box title, stand-alone quotation or bold line?"""
        if _BOLD_LINE.match(raw) or _BOX_TITLE.match(raw):
            return True
        line = plain(clean_line(raw))
        previous = plain(self.current.text.splitlines()[-1]) if self.current else ""
        if line.startswith("- "):
            return False
        if _FULL_STOP.search(previous) and (_QUOTE_START.match(line) or _new_block(raw)):
            return True
        return bool(
            _looks_like_heading(line)
            and (line[:1].isupper() or line[:1].isdigit())
            and _SENTENCE_END.search(previous)
            and self._break_after(index)
        )

    def _break_after(self, index: int) -> bool:
        """Is the next line blank, or the start of a passage (so this line stands on its own)?"""
        if index + 1 >= len(self.lines):
            return True
        following = self.lines[index + 1]
        line = _EMPHASIS.sub("", following)
        return not following.strip() or any(self._match(rule, line) for rule in self.rules)

    def _match(self, rule: LocationRule, line: str) -> regex.Match[str] | None:
        """The rule's pattern matched at the start of the line, within what is left of the time limit."""
        try:
            return rule.pattern.match(line, timeout=max(self.deadline - time.monotonic(), 0.001))
        except TimeoutError:
            raise PatternTooSlow(rule.kind, rule.pattern.pattern, self.limit) from None

    def _continue(self, line: str, heading: bool = False) -> None:
        """Add a line to the current passage; a false list item that carries on a broken sentence joins it."""
        assert self.current is not None
        previous = plain(self.current.text.splitlines()[-1]) if self.current.text else ""
        broken = not previous.startswith("- ") and not _LIST_LEAD_IN.search(previous)
        if line.startswith("- ") and line[2:3].islower() and broken and _FULL_STOP.search(plain(line)):
            line = line[2:]
        if self.blank:
            self.current.breaks.append(self.current.text.count("\n") + 1)
            self.blank = False
        if heading:
            self.current.headings.append(self.current.text.count("\n") + 1)
        self.current.text += "\n" + line


def _broken_heading(heading: str, line: str) -> bool:
    """Does `line` carry on a heading the extraction broke over lines ("Annex B: Serious Case Review" / "template…")?"""
    return line[:1].islower() and len(heading) + len(line) < _SHORT * 2 and not _NO_HEADING_END.search(line)


def _named(passages: dict[str, Passage], fixed: set[int]) -> dict[str, Passage]:
    """Passages keyed by location, each unnumbered part named by its first heading or the passage before it.

    A name used already gets "(2)", "(3)" in reading order, so that its anchor is new as well."""
    named: dict[str, Passage] = {}
    anchors: set[str] = set()
    for passage in passages.values():
        if passage.kind == PART and id(passage) not in fixed:
            first = passage.text.split("\n", 1)[0]
            name = re.sub(r"\s+", " ", plain(first))[:_PART_NAME].strip() if passage.headings[:1] == [0] else ""
            name = name or passage.number
            passage.number, count = name, 1
            while passage.anchor in anchors or passage.location in named:
                count += 1
                passage.number = f"{name} ({count})"
        named[passage.location] = passage
        anchors.add(passage.anchor)
    return named


def _new_block(raw: str) -> bool:
    """An indented line starting with a capital: the extraction's sign of a new text block, such as a box."""
    return raw[:1].isspace() and raw.lstrip()[:1].isupper()


def _looks_like_heading(line: str) -> bool:
    """A short line that does not end like a sentence or clause, such as 'Progress so far' or 'Question 1'."""
    return 0 < len(line) <= _SHORT and not line.startswith("- ") and not _NO_HEADING_END.search(line)


def _footnote_number(digits: str) -> int:
    return int("".join(str(_SUPERSCRIPT_DIGITS.index(c)) if c in _SUPERSCRIPT_DIGITS else c for c in digits))


def _footnote_markers(lines: list[str]) -> dict[int, list[int]]:
    """Footnote number -> the lines whose text carries its marker (a superscript number)."""
    markers: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        for match in re.finditer(r"<sup>(\d+)</sup>|([\u00b9\u00b2\u00b3\u2070-\u2079]+)", line):
            markers.setdefault(_footnote_number(match[1] or match[2]), []).append(index)
    return markers
