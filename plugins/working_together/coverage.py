"""Where each source item went: implemented by provisions or glossary terms, or out of scope with a reason.

Implementation is derived from evidence (a provision version or glossary term whose
evidence cites the item implements it) and completed by a traceability file's
`implemented:` list; `out_of_scope:` gives the reason for the rest.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import Corpus, Passage


@dataclass(frozen=True)
class Implementer:
    """A provision or glossary term that implements a source item."""

    kind: str  # "provision" or "term"
    id: str
    title: str


@dataclass
class ItemCoverage:
    """One source item and where it went."""

    passage: Passage
    traced: bool  # of a kind whose every item must be accounted for
    tied: bool  # the sources tie it to Working Together, so it must be implemented
    implemented_by: list[Implementer] = field(default_factory=list)
    out_of_scope: str = ""  # the reason, if Working Together does not implement it

    @property
    def accounted_for(self) -> bool:
        return bool(self.implemented_by or self.out_of_scope)


@dataclass
class SourceCoverage:
    """The items of one source in document order, with totals."""

    source_id: str
    items: list[ItemCoverage]

    @property
    def implemented(self) -> int:
        return sum(1 for item in self.items if item.implemented_by)

    @property
    def out_of_scope(self) -> int:
        return sum(1 for item in self.items if item.out_of_scope and not item.implemented_by)

    @property
    def unaccounted(self) -> int:
        return sum(1 for item in self.items if not item.accounted_for)

    @property
    def tied(self) -> int:
        return sum(1 for item in self.items if item.tied)

    @property
    def tied_implemented(self) -> int:
        return sum(1 for item in self.items if item.tied and item.implemented_by)


def derived_implementers(corpus: Corpus) -> dict[tuple[str, str], list[Implementer]]:
    """(source, location) -> every provision and glossary term whose evidence cites it, each once."""
    found: dict[tuple[str, str], list[Implementer]] = defaultdict(list)
    for provision in corpus.provisions.values():
        for version in provision.versions:
            for evidence in version.evidence:
                implementer = Implementer("provision", provision.id, provision.title)
                if implementer not in found[(evidence.source, evidence.at)]:
                    found[(evidence.source, evidence.at)].append(implementer)
    for term in corpus.terms.values():
        for evidence in term.evidence:
            implementer = Implementer("term", term.id, term.term)
            if implementer not in found[(evidence.source, evidence.at)]:
                found[(evidence.source, evidence.at)].append(implementer)
    return found


def source_coverage(corpus: Corpus, source_id: str) -> SourceCoverage:
    """Each item of a source that its traceability file traces or names, in document order."""
    source = corpus.sources[source_id]
    trace = corpus.traceability.get(source_id)
    if trace is None:
        return SourceCoverage(source_id, [])
    derived = derived_implementers(corpus)
    tied = {item for tie in trace.working_together for item in tie.items}
    listed: dict[str, list[Implementer]] = defaultdict(list)
    for entry in trace.implemented:
        for identifier in entry.by:
            implementer = _implementer(corpus, identifier)
            if implementer and implementer not in listed[entry.item]:
                listed[entry.item].append(implementer)
    reasons = {item: group.reason for group in trace.out_of_scope for item in group.items}
    named = tied | set(listed) | set(reasons)
    items = []
    for location, passage in source.passages.items():
        traced = passage.kind in trace.traced
        if not traced and location not in named:
            continue
        implementers = list(derived.get((source_id, location), []))
        implementers += [implementer for implementer in listed.get(location, []) if implementer not in implementers]
        items.append(ItemCoverage(passage, traced, location in tied, implementers, reasons.get(location, "")))
    return SourceCoverage(source_id, items)


def _implementer(corpus: Corpus, identifier: str) -> Implementer | None:
    if identifier in corpus.provisions:
        return Implementer("provision", identifier, corpus.provisions[identifier].title)
    if identifier in corpus.terms:
        return Implementer("term", identifier, corpus.terms[identifier].term)
    return None
