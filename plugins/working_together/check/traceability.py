"""Traceability: every item of a traced kind is implemented or out of scope, and what the sources tie to Working
Together is implemented."""

from __future__ import annotations

from collections.abc import Iterator

from ..coverage import derived_implementers
from ..model import Corpus, Source, Traceability
from ..problems import Position, Problem
from .suggest import did_you_mean

TRACEABILITY_FOLDER = "guidance/traceability"


def traceability_problems(corpus: Corpus) -> list[Problem]:
    """Missing files, unknown names, and items left unaccounted for, implemented twice over or both ways."""
    problems = [
        Problem(
            Position(f"{TRACEABILITY_FOLDER}/{source_id}.yml", 1, 1),
            "",
            f"source '{source_id}' has no traceability file",
            f"add {TRACEABILITY_FOLDER}/{source_id}.yml with source: {source_id} and the kinds of item it traces",
        )
        for source_id in corpus.sources
        if source_id not in corpus.traceability and not corpus.unloaded.may_define("traceability", source_id)
    ]
    for trace in corpus.traceability.values():
        problems.extend(_problems(corpus, trace))
    return problems


def _problems(corpus: Corpus, trace: Traceability) -> Iterator[Problem]:
    source = corpus.sources.get(trace.source)
    if source is None and corpus.unloaded.may_define("source", trace.source):
        return  # its file has a problem of its own
    if source is None:
        yield Problem(
            trace.source_position,
            "source",
            f"unknown source '{trace.source}'{did_you_mean(trace.source, corpus.sources)}",
            "use the id of a source in guidance/sources/",
        )
        return
    kinds = list(dict.fromkeys(passage.kind for passage in source.passages.values()))
    for index, (kind, position) in enumerate(zip(trace.traced, trace.traced_positions, strict=True)):
        if kind not in kinds:
            yield Problem(
                position,
                f"traced[{index}]",
                f"{source.id} has no passages of kind '{kind}'{did_you_mean(kind, kinds)}",
                f"use one of: {', '.join(kinds)}",
            )
    yield from _unknown_items(corpus, trace, source)
    if not (corpus.unloaded.any("provision") or corpus.unloaded.any("term")):
        # What implements an item is known only once every provision and glossary term loads.
        yield from _listing_problems(corpus, trace, source)


def _named_items(trace: Traceability) -> Iterator[tuple[str, Position, str]]:
    """Every item the file names, with its position and its path inside the file."""
    for index, tie in enumerate(trace.working_together):
        for number, (item, position) in enumerate(zip(tie.items, tie.item_positions, strict=True)):
            yield item, position, f"working_together[{index}].items[{number}]"
    for index, entry in enumerate(trace.implemented):
        yield entry.item, entry.item_position, f"implemented[{index}].item"
    for index, group in enumerate(trace.out_of_scope):
        for number, (item, position) in enumerate(zip(group.items, group.item_positions, strict=True)):
            yield item, position, f"out_of_scope[{index}].items[{number}]"


def _unknown_items(corpus: Corpus, trace: Traceability, source: Source) -> Iterator[Problem]:
    for item, position, where in _named_items(trace):
        if item not in source.passages:
            yield Problem(
                position,
                where,
                f"{source.id} has no {item}{did_you_mean(item, source.passages)}",
                "name an item as its source page anchors it, such as 'recommendation 12'",
            )
    for index, entry in enumerate(trace.implemented):
        for number, (identifier, position) in enumerate(zip(entry.by, entry.by_positions, strict=True)):
            if (
                identifier not in corpus.provisions
                and identifier not in corpus.terms
                and not corpus.unloaded.may_define("provision", identifier)
                and not corpus.unloaded.may_define("term", identifier)
            ):
                hint = did_you_mean(identifier, [*corpus.provisions, *corpus.terms])
                yield Problem(
                    position,
                    f"implemented[{index}].by[{number}]",
                    f"unknown provision or glossary term '{identifier}'{hint}",
                    "use an id from guidance/provisions/ or guidance/glossary.yml",
                )


def _listing_problems(corpus: Corpus, trace: Traceability, source: Source) -> Iterator[Problem]:
    """Items listed twice, implemented and out of scope at once, tied but not implemented, or not accounted for."""
    derived = derived_implementers(corpus)
    listed: dict[str, Position] = {}
    implemented: dict[str, str] = {}
    for item, implementers in ((location, derived.get((source.id, location), [])) for location in source.passages):
        if implementers:
            names = ", ".join(f"'{implementer.id}'" for implementer in implementers)
            implemented[item] = f"the evidence of {names} cites it"
    for index, entry in enumerate(trace.implemented):
        if entry.item in listed:
            yield _listed_twice(entry.item, entry.item_position, f"implemented[{index}].item", listed[entry.item])
            continue
        listed[entry.item] = entry.item_position
        implemented.setdefault(entry.item, f"it is listed as implemented at {entry.item_position}")
    tied = {
        item: position
        for tie in trace.working_together
        for item, position in zip(tie.items, tie.item_positions, strict=True)
    }
    out_of_scope: set[str] = set()
    for index, group in enumerate(trace.out_of_scope):
        for number, (item, position) in enumerate(zip(group.items, group.item_positions, strict=True)):
            where = f"out_of_scope[{index}].items[{number}]"
            if item in listed:
                yield _listed_twice(item, position, where, listed[item])
                continue
            listed[item] = position
            out_of_scope.add(item)
            if item in tied:
                yield Problem(
                    position,
                    where,
                    f"{item} is tied to Working Together at {tied[item]}, so it cannot be out of scope",
                    "remove it here and implement it in a provision",
                )
            elif item in implemented:
                yield Problem(
                    position,
                    where,
                    f"{item} is out of scope here, but {implemented[item]}",
                    "remove it from out_of_scope, or correct the evidence that cites it",
                )
    for item, position in tied.items():
        if item in source.passages and item not in implemented:
            yield Problem(
                position,
                "working_together",
                f"{item} is tied to Working Together, but no provision or glossary term implements it",
                "cite it in the evidence of the provision that implements it, or list it under implemented: "
                "with the provisions that do",
            )
    traced = dict(zip(trace.traced, trace.traced_positions, strict=True))
    for location, passage in source.passages.items():
        if passage.kind in traced and location not in implemented and location not in out_of_scope:
            yield Problem(
                traced[passage.kind],
                "traced",
                f"{location} of {source.id} is neither implemented nor out of scope",
                "cite it in a provision's evidence, list it under implemented: with the provisions that implement "
                "it, or under out_of_scope: with a reason",
            )


def _listed_twice(item: str, position: Position, where: str, first: Position) -> Problem:
    return Problem(
        position,
        where,
        f"{item} is already listed at {first}",
        "list each item once, under implemented or out_of_scope",
    )
