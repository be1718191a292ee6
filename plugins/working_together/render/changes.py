"""The 'what changed' page of an edition: graded amendments side by side, additions, withdrawals and a concordance."""

from __future__ import annotations

from ..changes import Amendment, Changes, concordance
from ..model import CHANGE_GRADES, Corpus
from . import paths
from .currency import replacement_note
from .labels import STRENGTHS
from .markdown import escape, render_text
from .provision import sources_disclosure

CONCORDANCE_ANCHOR = "concordance"


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
        f"the latest earlier edition that has it (usually the {changes.old_edition} edition). "
        "Each amendment is graded by what it means for practice.",
        grade_counts(changes),
        f"Follow these changes in a feed reader: [the changes feed (Atom)]({paths.link(page, paths.FEED)}). "
        f"Where each provision of the {changes.old_edition} edition is now: "
        f"[concordance of numbers](#{CONCORDANCE_ANCHOR}).",
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
        parts.append(f"**What it means for practice:** {CHANGE_GRADES[updated.change]}.")
        if amendment.strength_changed:
            parts.append(f"**Strength changed:** {strength_change(amendment)}.")
        parts.append(
            f"| {old.edition} edition | {updated.edition} edition |\n| --- | --- |\n"
            f"| {STRENGTHS[old.strength].name}: {_one_cell(old.text)} "
            f"| {STRENGTHS[updated.strength].name}: {_one_cell(updated.text)} |"
        )
        parts.append(sources_disclosure(corpus, updated.evidence, page, "Evidence for the change"))
    if not changes.amended:
        parts.append("None.")
    parts.append("## Withdrawn")
    for provision in changes.withdrawn:
        withdrawal = provision.version_of(changes.new_edition)
        reason = f": {escape(' '.join(withdrawal.note.split()))}" if withdrawal and withdrawal.note else ""
        parts.append(f"- {link(provision.id)}{reason}")
    if not changes.withdrawn:
        parts.append("None.")
    parts.append(_concordance(corpus, changes, page))
    return "\n\n".join(part for part in parts if part) + "\n"


def grade_counts(changes: Changes) -> str:
    """How many amendments fall in each grade, such as '1 new duty or expectation, 2 clarification or wording'."""
    counts = [(sum(a.new.change == grade for a in changes.amended), label) for grade, label in CHANGE_GRADES.items()]
    listed = [f"{count} {label.lower()}" for count, label in counts if count]
    return f"Amendments by what they mean for practice: {', '.join(listed)}." if listed else ""


def _concordance(corpus: Corpus, changes: Changes, page: str) -> str:
    """Old number against new number, with the stable id that never changes."""
    old, new = changes.old_edition, changes.new_edition
    rows = [
        f"## Concordance with the {old} edition {{ #{CONCORDANCE_ANCHOR} }}",
        f"Each provision's number in the {old} edition and in the {new} edition. The id in the last column never "
        "changes: link to the provision's permanent page and the link survives any renumbering. A dash means "
        "the edition does not place the provision; 'not described' that the sources do not say whether it has it.",
        f"| {old} number | {new} number | Provision | Stable id |\n| --- | --- | --- | --- |",
    ]
    lines = []
    old_edition = corpus.edition(old)
    for row in concordance(corpus, old, new):
        title = escape(corpus.provisions[row.provision_id].title)
        target = paths.link(page, paths.provision_page(row.provision_id))
        now = row.new_number or f"— ({row.fate})"
        before = row.old_number or ("— (not described)" if old_edition.undescribed(row.provision_id) else "—")
        lines.append(f"| {before} | {now} | [{title}]({target}) | `{row.provision_id}` |")
    rows[-1] += "\n" + "\n".join(lines)
    return "\n\n".join(rows)


def _one_cell(text: str) -> str:
    """Guidance text flattened into one table cell (cross-references shown as their ids)."""
    return render_text(" ".join(text.split()), lambda identifier: escape(identifier))


def strength_change(amendment: Amendment) -> str:
    """'from Should (statutory guidance) to Practice guidance (advice on practice)': a change of strength named in
    words, since two badges over identical wording are easy to miss."""
    old, new = STRENGTHS[amendment.old.strength], STRENGTHS[amendment.new.strength]
    return f"from {old.name} ({old.meaning}) to {new.name} ({new.meaning})"
