"""A chapter page and an edition's contents page."""

from __future__ import annotations

from ..changes import compare
from ..model import CHANGE_GRADES, Chapter, Corpus, Edition
from . import paths
from .currency import LATEST, replacement_note
from .labels import CHAPTER_STATUSES, status_badge
from .markdown import escape, escape_html
from .provision import provision_in_chapter, sources_disclosure


def chapter_page(corpus: Corpus, edition: Edition, chapter: Chapter) -> str:
    """Status band, superseded banner if any, then sections and their provisions."""
    page = paths.chapter_page(edition.id, chapter.number)
    parts = [
        f"# Chapter {chapter.number}: {escape(chapter.title)}",
        _status_band(corpus, edition, chapter, page),
        superseded_banner(corpus, edition, page),
        changed_box(corpus, edition, chapter, page),
    ]
    for section in chapter.sections:
        parts.append(f"## {escape(section.title)}")
        parts.extend(provision_in_chapter(corpus, corpus.provisions[pid], edition, page) for pid in section.provisions)
    return "\n\n".join(part for part in parts if part) + "\n"


def changed_box(corpus: Corpus, edition: Edition, chapter: Chapter, page: str) -> str:
    """A short box listing the chapter's provisions this edition added, amended or withdrew, linked to them."""
    earlier = [e for e in corpus.editions if e.id < edition.id]
    if not earlier:
        return ""
    previous = earlier[-1]
    changes = compare(corpus, previous.id, edition.id)
    here = set(chapter.provision_ids)

    def item(provision_id: str, what: str) -> str:
        title = edition.placements[provision_id].titled(escape(corpus.provisions[provision_id].title))
        return f"    - [{title}](#{provision_id}): {what}"

    changed = [(a.provision.id, f"amended ({CHANGE_GRADES[a.new.change].lower()})") for a in changes.amended]
    changed += [(p.id, "added") for p in changes.added]
    placed = [(pid, what) for pid, what in changed if pid in here]
    items = [item(pid, what) for pid, what in sorted(placed, key=lambda row: chapter.provision_ids.index(row[0]))]
    for provision in changes.withdrawn:
        placement = previous.placements.get(provision.id)
        if placement and placement.chapter.number == chapter.number:
            link = paths.link(page, paths.provision_page(provision.id))
            items.append(
                f"    - [{escape(provision.title)}]({link}): withdrawn (it was {placement.number} "
                f"in the {previous.id} edition)"
            )
    summary = "\n".join(items) if items else "    No provision in this chapter was added, amended or withdrawn."
    changes_link = paths.link(page, paths.changes_page(edition.id))
    return (
        f'!!! note "Changed in this edition"\n\n{summary}\n\n'
        f"    [Everything that changed in the {edition.id} edition, and the old numbers]({changes_link})"
    )


def edition_page(corpus: Corpus, edition: Edition) -> str:
    """The edition's table of contents: chapters with their status and number of provisions."""
    page = paths.edition_page(edition.id)
    rows = ["| Chapter | Status | Provisions |", "| --- | --- | --- |"]
    for chapter in edition.chapters:
        link = paths.link(page, paths.chapter_page(edition.id, chapter.number))
        title = f"[Chapter {chapter.number}: {escape(chapter.title)}]({link})"
        rows.append(f"| {title} | {CHAPTER_STATUSES[chapter.status].name} | {len(chapter.provision_ids)} |")
    parts = [
        f"# {escape(edition.title)}",
        superseded_banner(corpus, edition, page),
        _coverage_note(corpus, edition, page),
        "\n".join(rows),
        sources_disclosure(corpus, edition.evidence, page, "Where this edition is described"),
        f"[The whole {edition.id} edition on one page, to print or save as a PDF]"
        f"({paths.link(page, paths.print_page(edition.id))})",
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _coverage_note(corpus: Corpus, edition: Edition, page: str) -> str:
    """Our note on an edition the sources describe only in part: what is shown, and what is not."""
    if not edition.not_described:
        return ""
    standing = [pid for pid in edition.placements if corpus.provisions[pid].version_of(edition.id) is None]
    own = len(edition.placements) - len(standing)
    earlier = ""
    if standing:
        earlier = f"; {len(standing)} more stand from an earlier edition, in the words the sources give for it"
    lines = [
        '!!! note "Our note: this edition shows only what the sources say about it"',
        "",
        f"    {own} provisions are described from the sources for the {edition.id} edition{earlier}. A provision "
        "missing here is not shown as dropped: the sources do not say whether this edition kept it.",
    ]
    for entry in edition.not_described:
        links = ", ".join(
            f"[{escape(corpus.provisions[pid].title)}]({paths.link(page, paths.provision_page(pid))})"
            for pid in entry.provisions
            if pid in corpus.provisions
        )
        lines += ["", f"    Not described in this edition: {links}. {escape(' '.join(entry.reason.split()))}"]
    return "\n".join(lines)


def superseded_banner(corpus: Corpus, edition: Edition, page: str) -> str:
    """A warning on every page of an older edition pointing to the latest; on the latest, what replaced it."""
    current = corpus.current_edition
    if edition is current:
        return replacement_note(corpus)
    link = paths.link(page, paths.edition_page(current.id))
    return (
        f'!!! warning "Superseded: this is the {edition.id} edition"\n\n'
        f"    The {edition.id} edition has been replaced by the {current.id} edition. "
        f"It is kept so that earlier practice can be understood. [Read the {current.id} edition]({link}), {LATEST}."
    )


def _status_band(corpus: Corpus, edition: Edition, chapter: Chapter, page: str) -> str:
    """The coloured band with the chapter's status in words and an icon, and why we say so."""
    label = CHAPTER_STATUSES[chapter.status]
    why = sources_disclosure(corpus, chapter.status_evidence, page, "Why this status")
    if chapter.status_note:
        why += f"\n\n*Editorial note:* {escape(chapter.status_note)}"
    return (
        f'<div class="wt-status wt-status--{label.css}" markdown="1">\n\n'
        f'<p class="wt-status__label">{status_badge(chapter.status)}'
        f' <span class="wt-status__edition">{escape_html(edition.title)}</span></p>\n\n{why}\n\n</div>'
    )
