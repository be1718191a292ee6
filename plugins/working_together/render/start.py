"""The home page's entry points: where to go when worried, for a summary, by role, for training, for changes."""

from __future__ import annotations

from ..model import Corpus
from . import paths
from .markdown import escape


def entry_points_block(corpus: Corpus, page: str) -> str:
    """A list of links for the {{ start_here }} block of a hand-written page."""
    current = corpus.current_edition
    entries = []
    if corpus.trees:
        entries.append(
            f"- **Worried about a child?** [Find your next step]({paths.link(page, paths.TREES_INDEX)}) "
            "by answering a few questions."
        )
    if corpus.summary:
        entries.append(
            f"- **What must I do, and by when?** The [practitioner summary]({paths.link(page, paths.SUMMARY)}): "
            "the legal duties, expectations and time limits the sources record, by stage of a case, on a few pages."
        )
    entries.append(
        f"- **What applies to me?** [Pages by role]({paths.link(page, paths.ROLES_INDEX)}), strongest first."
    )
    if corpus.modules:
        entries.append(
            f"- **Running training?** [Training modules]({paths.link(page, paths.MODULES_INDEX)}) with "
            "discussion points, and a permanent link and citation for every provision."
        )
    if len(corpus.editions) > 1:
        link = paths.link(page, paths.changes_page(current.id))
        entries.append(f"- **What changed?** [What is new in the {escape(current.id)} edition]({link}).")
    return "\n".join(entries)


_COUNTS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def scope_block(corpus: Corpus, page: str) -> str:
    """The {{ scope }} block: which edition the site goes up to and the documents it is built from, counted from
    the YAML, so the home page cannot go stale when an edition or a source is added."""
    count = len(corpus.sources)
    documents = _COUNTS[count] if count < len(_COUNTS) else str(count)
    titles = "; ".join(
        f"[{escape(source.title)}]({paths.link(page, paths.source_page(source.id))})"
        for source in sorted(corpus.sources.values(), key=lambda source: source.published)
    )
    plural = "document" if count == 1 else "documents"
    return (
        f"up to its {escape(corpus.current_edition.id)} edition. It is built from {documents} published {plural}"
        f" that describe the guidance ({titles}), not from the printed text"
    )
