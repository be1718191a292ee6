"""Dates and counts are values like any other: a real calendar date, editions in order, deadlines in bounds.

`published: "2015-13"` passed silently and put 25 invalid dates into feed.xml and the open data; a deadline of
`within: 99999999 working days` validated and froze a reader's tab in the deadline calculator.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterator

from ..model import Corpus, Edition
from ..problems import Position, Problem

# A year of working days: the longest time limit the sources set is 45 working days, and the calculator counts day
# by day, so a larger number is a typing slip (or an attack on readers' browsers).
WORKING_DAYS_LIMIT = 260
_DATE = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")


def value_problems(corpus: Corpus) -> list[Problem]:
    """Every impossible date, edition out of order, replacement out of date and deadline out of bounds."""
    problems = [
        problem
        for thing in [*corpus.sources.values(), *corpus.editions]
        if (problem := date_problem(thing.published, thing.published_position or thing.position, "published"))
    ]
    problems += _edition_order(corpus.editions)
    problems += _replacements(corpus)
    problems += _deadlines(corpus)
    problems += _inherited_notes(corpus)
    return problems


def date_problem(text: str, position: Position, where: str) -> Problem | None:
    """The problem with a date written YYYY, YYYY-MM or YYYY-MM-DD that the calendar does not have, if any."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None  # the schema reports the form
    year, month, day = int(match["year"]), match["month"], match["day"]
    wrong = ""
    if month is not None and not 1 <= int(month) <= 12:
        wrong = f"there is no month {month}"
    elif day is not None and not 1 <= int(day) <= calendar.monthrange(year, int(month))[1]:
        wrong = f"{calendar.month_name[int(month)]} {year} has no day {day}"
    if not wrong:
        return None
    return Problem(position, where, f"'{text}' is not a date: {wrong}", "write a real date as YYYY-MM or YYYY-MM-DD")


def _edition_order(editions: list[Edition]) -> Iterator[Problem]:
    for earlier, later in itertools.pairwise(editions):
        if later.published < earlier.published:
            yield Problem(
                later.published_position or later.position,
                "published",
                f"the {later.id} edition is dated {later.published}, before the {earlier.id} edition it follows"
                f" ({earlier.published})",
                "correct the date: editions are published in the order of their years",
            )


def _replacements(corpus: Corpus) -> Iterator[Problem]:
    """A replacement comes after what it replaces; and the latest edition keeps the record of later ones, or
    the notice that the guidance in force is elsewhere would vanish from every page."""
    for edition in corpus.editions:
        for year in edition.replaced_by:
            if year <= edition.published[:4]:
                yield Problem(
                    edition.replaced_by_position or edition.position,
                    "replaced_by.editions",
                    f"'{year}' cannot have replaced the {edition.id} edition, published {edition.published}",
                    "list only editions published after this one",
                )
    if not corpus.editions:
        return
    current = corpus.current_edition
    for edition in corpus.editions[:-1]:
        later = [year for year in edition.replaced_by if year > current.id and year not in current.replaced_by]
        quoted = ", ".join(f'"{year}"' for year in later)
        if later:
            yield Problem(
                current.extends_position or current.position,
                "replaced_by",
                f"the {edition.id} edition records that it was replaced in {' and '.join(edition.replaced_by)}"
                f" ({edition.replaced_by_position or edition.position}), and the {current.id} edition says nothing"
                " of the later ones, so the notice that the guidance in force is elsewhere would disappear",
                f"add to this edition: replaced_by: {{editions: [{quoted}], in_force_at: {edition.in_force_at}}}",
            )


def _deadlines(corpus: Corpus) -> Iterator[Problem]:
    for provision in corpus.provisions.values():
        for version in provision.versions:
            days = version.timescale.working_days if version.timescale else None
            if days is not None and days > WORKING_DAYS_LIMIT:
                assert version.timescale is not None
                yield Problem(
                    version.timescale.position,
                    f"{provision.id} ({version.edition}).timescale.within",
                    f"{days} working days is more than {WORKING_DAYS_LIMIT} (a year of working days)",
                    "check the number against the source: no time limit in the guidance is that long",
                )


def _inherited_notes(corpus: Corpus) -> Iterator[Problem]:
    """A new edition's inherited "why this status" evidence and notes were written for the edition before."""
    for edition in corpus.editions:
        if not edition.extends:
            continue
        inherited = {c.number: c for c in edition.chapters if c.position.file != edition.position.file}
        for chapter in inherited.values():
            if (chapter.status_evidence or chapter.status_note) and chapter.number not in edition.reviewed:
                yield Problem(
                    edition.extends_position or edition.position,
                    "extends",
                    f"chapter {chapter.number} ({chapter.title}) inherits its status evidence and note from the"
                    f" {edition.extends} edition ({chapter.position}), written about that edition",
                    f'read them again: if they hold for {edition.id}, add "{chapter.number}" to reviewed:;'
                    " if not, write the chapter under chapters: with its own",
                )
        for number in edition.reviewed:
            if number not in inherited:
                yield Problem(
                    edition.position,
                    "reviewed",
                    f"chapter '{number}' is not one this edition inherits",
                    f"use one of: {', '.join(inherited) or 'none'}",
                )
