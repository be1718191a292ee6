"""Currency, said plainly: which edition a page shows, how far the sources go, and what replaced them."""

from __future__ import annotations

from ..model import Corpus, Edition
from .markdown import escape

# Which later editions replaced the latest one, and where the guidance in force is published, are outside facts
# (not in the sources), recorded under `replaced_by:` in that edition's file and always shown as our editorial note.
LATEST = "the latest edition in these sources"
NOTE_TITLE = "Editorial note (ours, not from the sources)"


def coverage(corpus: Corpus) -> str:
    """One sentence on how far the site goes: up to the sources' latest edition, as the sources describe it."""
    return (
        f"This site covers Working Together to Safeguard Children up to the {corpus.current_edition.id} edition, "
        "as its source documents describe it; it is not the printed text."
    )


def edition_status(corpus: Corpus, edition: Edition) -> str:
    """'the latest edition in this site's sources' or 'superseded by the 2015 edition'."""
    current = corpus.current_edition
    return LATEST if edition is current else f"superseded by the {current.id} edition"


def replacement(corpus: Corpus) -> str:
    """The outside fact that the latest edition in the sources was replaced, or '' if we know of none."""
    current = corpus.current_edition
    if not current.replaced_by:
        return ""
    return (
        f"Working Together {current.id} has since been replaced, in {' and again in '.join(current.replaced_by)}. "
        f"The guidance in force is published on {current.in_force_at}."
    )


def replacement_note(corpus: Corpus) -> str:
    """The replacement as a labelled editorial admonition for the top of a page, or '' if there is none."""
    text = replacement(corpus)
    if not text:
        return ""
    return f'!!! warning "{NOTE_TITLE}"\n\n    {escape(text)} {escape(coverage(corpus))}'
