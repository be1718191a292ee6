"""Reference pages: the glossary, the index of provisions, and the blocks hand-written pages can embed."""

from __future__ import annotations

from ..model import Corpus
from . import paths
from .currency import LATEST
from .labels import CHAPTER_STATUSES, STRENGTHS, status_badge, strength_badge
from .markdown import escape
from .provision import sources_disclosure


def glossary_page(corpus: Corpus) -> str:
    """Every term, alphabetically, with its expansion, definition and source."""
    parts = ["# Glossary"]
    for term in sorted(corpus.terms.values(), key=lambda term: term.term.lower()):
        parts.append(f"## {escape(term.term)} {{ #{term.id} }}")
        if term.expansion:
            parts.append(f"**{escape(term.expansion)}**")
        if term.definition:
            parts.append(escape(term.definition))
        parts.append(sources_disclosure(corpus, term.evidence, paths.GLOSSARY))
    return "\n\n".join(parts) + "\n"


def provisions_index(corpus: Corpus) -> str:
    """Every provision ever published, with its permanent link and where it stands now."""
    current = corpus.current_edition
    rows = [f"| Provision | {current.id} edition | Strength |", "| --- | --- | --- |"]
    for provision in sorted(corpus.provisions.values(), key=lambda provision: provision.title.lower()):
        link = paths.link(paths.PROVISIONS_INDEX, paths.provision_page(provision.id))
        placement = current.placements.get(provision.id)
        version = provision.version_in(current.id) if placement else None
        number = placement.number if placement else _absence(corpus, provision.id)
        strength = STRENGTHS[version.strength].name if version else "—"
        rows.append(f"| [{escape(provision.title)}]({link}) | {number} | {strength} |")
    intro = (
        "Each provision has a permanent page whose address never changes, whatever edition or chapter "
        "it moves to. Link to these pages from training material."
    )
    retired = ""
    if corpus.registry and corpus.registry.retired:
        lines = [
            f"- `{item.id}`: [retired]({paths.link(paths.PROVISIONS_INDEX, paths.provision_page(item.id))})"
            for item in corpus.registry.retired
        ]
        retired = "\n\n## Retired ids\n\n" + "\n".join(lines)
    return "# All provisions\n\n" + intro + "\n\n" + "\n".join(rows) + retired + "\n"


def _absence(corpus: Corpus, provision_id: str) -> str:
    """Why the current edition does not place a provision, in the sources' terms: never 'not in' for silence."""
    current = corpus.current_edition
    if current.undescribed(provision_id):
        return "not described by the sources"
    if any(v.withdrawn and v.edition <= current.id for v in corpus.provisions[provision_id].versions):
        return "withdrawn"
    return "not placed"


def legend_block() -> str:
    """The colour legend for the home page: each strength and status with its label, icon and meaning."""
    rows = ["| Label | What it means |", "| --- | --- |"]
    for strength in STRENGTHS:
        rows.append(f"| {strength_badge(strength)} | {escape(STRENGTHS[strength].explanation)} |")
    for status in CHAPTER_STATUSES:
        rows.append(f"| {status_badge(status)} | {escape(CHAPTER_STATUSES[status].explanation)} |")
    return "\n".join(rows)


def editions_block(corpus: Corpus, page: str) -> str:
    """A list of the editions, newest first, with links to their contents."""
    lines = []
    for edition in reversed(corpus.editions):
        current = f" ({LATEST})" if edition is corpus.current_edition else " (superseded)"
        lines.append(f"- [{escape(edition.title)}]({paths.link(page, paths.edition_page(edition.id))}){current}")
    return "\n".join(lines)
