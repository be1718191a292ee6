"""Provenance: every quote is found, verbatim, at the location its evidence names."""

from __future__ import annotations

from collections.abc import Iterator

from ..load.sources import normalise
from ..model import Corpus, Evidence
from ..problems import Problem
from .nearest import nearest_difference
from .suggest import did_you_mean

COPY_EXACTLY = "copy the quote exactly from the source (only spacing, bullets and footnote markers may differ)"


def evidence_problems(corpus: Corpus) -> list[Problem]:
    """Every piece of evidence whose source, location or quote cannot be found."""
    problems: list[Problem] = []
    for evidence, where in _all_evidence(corpus):
        problem = _evidence_problem(corpus, evidence, where)
        if problem:
            problems.append(problem)
    return problems


def _all_evidence(corpus: Corpus) -> Iterator[tuple[Evidence, str]]:
    for edition in corpus.editions:
        for evidence in edition.evidence:
            yield evidence, f"edition {edition.id}"
        for chapter in edition.chapters:
            for evidence in chapter.status_evidence:
                yield evidence, f"edition {edition.id} chapter {chapter.number}"
    for provision in corpus.provisions.values():
        for version in provision.versions:
            for evidence in version.evidence:
                yield evidence, f"{provision.id} ({version.edition})"
    for term in corpus.terms.values():
        for evidence in term.evidence:
            yield evidence, f"glossary {term.id}"
    for trace in corpus.traceability.values():
        for index, tie in enumerate(trace.working_together):
            for evidence in tie.evidence:
                yield evidence, f"working_together[{index}]"


def _evidence_problem(corpus: Corpus, evidence: Evidence, where: str) -> Problem | None:
    source = corpus.sources.get(evidence.source)
    if source is None and corpus.unloaded.may_define("source", evidence.source):
        return None  # its file has a problem of its own
    if source is None:
        hint = did_you_mean(evidence.source, corpus.sources)
        return Problem(evidence.position, where, f"unknown source '{evidence.source}'{hint}", "use a source id")
    quote = normalise(evidence.quote)
    passage = source.passages.get(evidence.at)
    if passage is not None and quote in normalise(passage.text):
        return None
    found = _locations_quoting(source.passages.values(), quote)
    # Only now, for a quote this source lacks, look in the others: the source named may be the slip.
    elsewhere = None if found else _other_source(corpus, source.id, quote)
    if elsewhere:
        other, location = elsewhere
        return Problem(
            evidence.position,
            where,
            f"the quote is not in {source.id}; it is in {other} {location}",
            f"correct 'source' to {other} (and 'at' to {location})",
        )
    if passage is None:
        hint = f"; the quote is at {found}" if found else did_you_mean(evidence.at, source.passages)
        return Problem(
            evidence.position, where, f"{source.id} has no {evidence.at}{hint}", "correct 'at' to a numbered passage"
        )
    if found:
        return Problem(
            evidence.at_position or evidence.position,
            where,
            f"the quote is not in {source.id} {evidence.at}; it is at {found}",
            f"correct 'at' to {found.split(' or ')[0]}",
        )
    message = f"the quote is not in {source.id} {evidence.at}"
    difference = nearest_difference(evidence.quote, passage, source.passages.values())
    if difference is None:
        return Problem(evidence.quote_position or evidence.position, where, message, COPY_EXACTLY)
    fix = "copy the source's character" if difference.look_alike else COPY_EXACTLY
    message = f"{message}: {difference.describe(evidence.at)}"
    return Problem(evidence.quote_position or evidence.position, where, message, fix)


def _locations_quoting(passages, quote: str) -> str:  # noqa: ANN001 - an iterable of Passage
    locations = [passage.location for passage in passages if quote in normalise(passage.text)]
    return " or ".join(locations[:3])


def _other_source(corpus: Corpus, named: str, quote: str) -> tuple[str, str] | None:
    """The first other source, and the location in it, that has the quote word for word."""
    for source in corpus.sources.values():
        if source.id != named and (found := _locations_quoting(source.passages.values(), quote)):
            return source.id, found.split(" or ")[0]
    return None
