"""Editions that extend an earlier one: its contents, minus `remove:`, plus `add:`, with any `chapters:` replaced.

The earlier edition's `not_described` list is inherited too (`remove:` takes a provision off it).

A new edition that changes a few provisions then says only what differs, instead of copying
the earlier table of contents; the copy would drift, and a provision left out of it would fail
the silent-drop check far from the mistake.
"""

from __future__ import annotations

from dataclasses import replace
from difflib import get_close_matches

from ..model import Chapter, Edition, NotDescribed, Section
from ..problems import Problem


def resolve_extensions(editions: list[Edition]) -> list[Problem]:
    """Give each extending edition (oldest first) its whole table of contents; return what cannot be resolved."""
    problems: list[Problem] = []
    known = {edition.id: edition for edition in editions}
    for edition in editions:  # oldest first, so an extended edition is already resolved
        if edition.extends:
            problems.extend(_resolve(edition, known))
        elif edition.removals or edition.additions:
            problems.append(
                Problem(
                    edition.position, edition.id, "remove: and add: need extends:", 'add extends: "<earlier edition>"'
                )
            )
    return problems


def _resolve(edition: Edition, known: dict[str, Edition]) -> list[Problem]:
    position = edition.extends_position or edition.position
    base = known.get(edition.extends)
    if base is None or not base.id < edition.id:
        earlier = ", ".join(e for e in known if e < edition.id) or "none"
        return [
            Problem(position, "extends", f"'{edition.extends}' is not an earlier edition", f"use one of: {earlier}")
        ]
    own = {chapter.number: chapter for chapter in edition.chapters}
    # Inherited places point at the extends: line, so a problem with one is reported in this edition's file.
    chapters = [own.pop(c.number, None) or _inherited(c, position) for c in base.chapters] + list(own.values())
    # What the sources leave undescribed stays so until an edition says otherwise.
    undescribed = [
        NotDescribed(entry.reason, list(entry.provisions), [position] * len(entry.provisions), entry.position)
        for entry in base.not_described
    ]
    problems: list[Problem] = []
    placed = {pid for chapter in chapters for pid in chapter.provision_ids}
    for pid, where in zip(edition.removals, edition.removal_positions, strict=True):
        section = next((s for c in chapters for s in c.sections if pid in s.provisions), None)
        section = section or next((entry for entry in undescribed if pid in entry.provisions), None)
        if section is None:
            inherited = [p for c in chapters for s in c.sections for p in s.provisions]
            inherited += [p for entry in undescribed for p in entry.provisions]
            close = get_close_matches(pid, inherited, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            message = f"'{pid}' is not in the contents this edition inherits{hint}"
            problems.append(Problem(where, "remove", message, "correct the id, or remove the line"))
            continue
        index = section.provisions.index(pid)
        del section.provisions[index], section.provision_positions[index]
        placed.discard(pid)
    for addition in edition.additions:
        problems.extend(_add(chapters, addition, placed))
    for chapter in chapters:
        chapter.sections = [section for section in chapter.sections if section.provisions]
    edition.chapters = [chapter for chapter in chapters if chapter.sections]
    edition.not_described = [entry for entry in undescribed if entry.provisions] + edition.not_described
    return problems


def _add(chapters: list[Chapter], addition, placed: set[str]) -> list[Problem]:  # noqa: ANN001 - an Addition
    where = addition.position
    if addition.provision in placed:
        return [Problem(where, "add", f"'{addition.provision}' is already in this edition", "remove this entry")]
    chapter = next((c for c in chapters if c.number == addition.chapter), None)
    if chapter is None:
        numbers = ", ".join(c.number for c in chapters)
        return [Problem(where, "add.chapter", f"no chapter '{addition.chapter}'", f"use one of: {numbers}")]
    section = next((s for s in chapter.sections if s.title == addition.section), None)
    if section is None:
        titles = "; ".join(s.title for s in chapter.sections)
        return [
            Problem(
                where,
                "add.section",
                f"chapter {chapter.number} has no section '{addition.section}'",
                f"use one of: {titles}",
            )
        ]
    if addition.after and addition.after not in section.provisions:
        return [
            Problem(
                where,
                "add.after",
                f"'{addition.after}' is not in that section",
                f"use one of: {', '.join(section.provisions)}, or leave after: out to add at the end",
            )
        ]
    index = section.provisions.index(addition.after) + 1 if addition.after else len(section.provisions)
    section.provisions.insert(index, addition.provision)
    section.provision_positions.insert(index, where)
    placed.add(addition.provision)
    return []


def _inherited(chapter: Chapter, position) -> Chapter:  # noqa: ANN001 - a Position
    sections = [
        Section(s.title, list(s.provisions), [position] * len(s.provisions), s.position) for s in chapter.sections
    ]
    return replace(chapter, sections=sections)
