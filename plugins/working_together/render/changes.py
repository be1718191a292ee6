"""The 'what changed' page of an edition: added, amended (old and new side by side) and withdrawn."""

from __future__ import annotations

from ..changes import Changes
from ..model import Corpus
from . import paths
from .currency import replacement_note
from .labels import STRENGTHS
from .markdown import escape, render_text
from .provision import sources_disclosure


def changes_page(corpus: Corpus, changes: Changes) -> str:
    """Markdown for /editions/<new>/changes/."""
    page = paths.changes_page(changes.new_edition)
    new = corpus.edition(changes.new_edition)

    def link(provision_id: str) -> str:
        title = escape(corpus.provisions[provision_id].title)
        return f"[{title}]({paths.link(page, paths.provision_page(provision_id))})"

    parts = [
        f"# What changed in the {changes.new_edition} edition",
        replacement_note(corpus) if new is corpus.current_edition else "",
        f"{len(changes.added)} added, {len(changes.updated)} updated, {len(changes.amended)} amended, "
        f"{len(changes.withdrawn)} withdrawn. "
        "The sources describe each edition only in part, so each provision is compared with its wording in "
        f"the latest earlier edition that has it (usually the {changes.old_edition} edition).",
        f"Follow these changes in a feed reader: [the changes feed (Atom)]({paths.link(page, paths.FEED)}).",
        "## Added",
    ]
    parts += [f"- {link(p.id)} ({new.placements[p.id].number})" for p in changes.added] or ["None."]
    parts.append("## Updated")
    parts.append("The sources say the edition updated these; they do not give the earlier wording.")
    parts += [f"- {link(p.id)} ({new.placements[p.id].number})" for p in changes.updated] or ["None."]
    parts.append("## Amended")
    for amendment in changes.amended:
        old, updated = amendment.old, amendment.new
        parts.append(f"### {link(amendment.provision.id)}")
        parts.append(
            f"| {old.edition} edition | {updated.edition} edition |\n| --- | --- |\n"
            f"| {STRENGTHS[old.strength].name}: {_one_cell(old.text)} "
            f"| {STRENGTHS[updated.strength].name}: {_one_cell(updated.text)} |"
        )
        parts.append(sources_disclosure(corpus, updated.evidence, page, "Evidence for the change"))
    if not changes.amended:
        parts.append("None.")
    parts.append("## Withdrawn")
    parts += [f"- {link(p.id)}" for p in changes.withdrawn] or ["None."]
    return "\n\n".join(part for part in parts if part) + "\n"


def _one_cell(text: str) -> str:
    """Guidance text flattened into one table cell (cross-references shown as their ids)."""
    return render_text(" ".join(text.split()), lambda identifier: escape(identifier))
