"""The practitioner summary and timescales: every current duty is placed, every time limit is in its evidence."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Corpus, Provision, Timescale, Version
from ..problems import Position, Problem
from .references import unknown_provision
from .suggest import did_you_mean


def summary_problems(corpus: Corpus) -> list[Problem]:
    """Unknown or misplaced provisions in guidance/summary.yml, and every current 'must' it leaves out."""
    if corpus.summary is None or not corpus.editions or corpus.unloaded.any("edition"):
        return []  # which edition is current, and what it holds, is known once the edition files load
    current = corpus.current_edition
    problems: list[Problem] = []
    placed: dict[str, Position] = {}
    for index, stage in enumerate(corpus.summary.stages):
        for item, (identifier, position) in enumerate(zip(stage.provisions, stage.provision_positions, strict=True)):
            where = f"stages[{index}].provisions[{item}]"
            if corpus.unloaded.may_define("provision", identifier):
                pass  # its file has a problem of its own
            elif identifier not in corpus.provisions:
                problems.append(unknown_provision(corpus, identifier, position, where))
            elif identifier not in current.placements:
                problems.append(
                    Problem(
                        position,
                        where,
                        f"provision '{identifier}' is not in the current ({current.id}) edition",
                        "the summary lists the current edition only: remove it or use its replacement",
                    )
                )
            elif identifier in placed:
                problems.append(
                    Problem(
                        position,
                        where,
                        f"provision '{identifier}' is already in the summary (at {placed[identifier]})",
                        "list each provision in one stage only",
                    )
                )
            placed.setdefault(identifier, position)
        for item, (tree, position) in enumerate(zip(stage.trees, stage.tree_positions, strict=True)):
            if tree not in corpus.trees and not corpus.unloaded.may_define("tree", tree):
                hint = did_you_mean(tree, corpus.trees)
                problems.append(
                    Problem(position, f"stages[{index}].trees[{item}]", f"unknown tree '{tree}'{hint}", "fix it")
                )
    for identifier in current.placements:
        provision = corpus.provisions.get(identifier)
        version = provision.version_in(current.id) if provision else None  # unknown ids: the contents check
        if version is not None and version.strength == "must" and identifier not in placed:
            problems.append(
                Problem(
                    corpus.summary.stages_position,
                    "stages",
                    f"the legal duty '{identifier}' ({current.id} edition {current.placements[identifier].number}, "
                    f"written at {version.position}) is in no stage, so the summary would leave it out",
                    "add its id to the provisions of the stage of a case where it applies",
                )
            )
    return problems


def timescale_problems(corpus: Corpus) -> list[Problem]:
    """Every timescale whose roles, wording or quote are not backed by its own provision and evidence."""
    return [
        problem
        for provision in corpus.provisions.values()
        for version in provision.versions
        if version.timescale is not None
        for problem in _timescale_problems(corpus, provision, version, version.timescale)
    ]


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def _timescale_problems(
    corpus: Corpus, provision: Provision, version: Version, timescale: Timescale
) -> Iterator[Problem]:
    where = f"{provision.id} ({version.edition}).timescale"
    if version.withdrawn:
        yield Problem(timescale.position, where, "a withdrawn version sets no timescale", "remove the timescale")
    for role, position in zip(timescale.by, timescale.by_positions, strict=True):
        if role not in corpus.roles and corpus.unloaded.may_define("role", role):
            pass  # its file has a problem of its own
        elif role not in corpus.roles:
            yield Problem(position, f"{where}.by", f"unknown role '{role}'{did_you_mean(role, corpus.roles)}", "fix it")
        elif role not in (roles := provision.roles_of(version)):
            yield Problem(
                position,
                f"{where}.by",
                f"role '{role}' is not among the {'provision' if version.roles is None else 'version'}'s roles "
                f"({', '.join(roles) or 'none'})",
                "name a role the provision applies to, or add it to the provision's roles",
            )
    quote = _flat(timescale.quote)
    if not any(quote in _flat(evidence.quote) for evidence in version.evidence):
        yield Problem(
            timescale.position,
            f"{where}.quote",
            "the quote is not part of any evidence quote of this version, so nothing backs the time limit",
            "copy the words that state the time limit from one of this version's evidence quotes",
        )
    period = _flat(timescale.period)
    if period not in quote and period.removesuffix("s") not in quote:
        yield Problem(
            timescale.position,
            f"{where}.within",
            f"'{timescale.period}' is not in the timescale's quote",
            "write the time limit in the quote's own words",
        )
