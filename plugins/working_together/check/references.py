"""Cross-references: roles, glossary terms, provisions, editions and each edition's table of contents."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..model import CHANGE_GRADES, Corpus, Edition, Provision, Version
from ..problems import Position, Problem
from .suggest import did_you_mean


def reference_problems(corpus: Corpus) -> list[Problem]:
    """Every reference that points at nothing, and every provision placed wrongly in an edition."""
    problems: list[Problem] = []
    for provision in corpus.provisions.values():
        problems.extend(_provision_problems(corpus, provision))
    problems.extend(_contents_problems(corpus))
    problems.extend(_silent_drop_problems(corpus))
    return problems


def _provision_problems(corpus: Corpus, provision: Provision) -> Iterator[Problem]:
    for kind, thing, ids, positions, known, fix in (
        (
            "role",
            "role",
            provision.roles,
            provision.role_positions,
            corpus.roles,
            "correct the id, or add the new role to guidance/roles.yml",
        ),
        (
            "glossary term",
            "term",
            provision.terms,
            provision.term_positions,
            corpus.terms,
            "correct the id, or add the new term to guidance/glossary.yml",
        ),
        ("provision", "provision", provision.refs, provision.ref_positions, corpus.provisions, "correct the id"),
    ):
        for identifier, position in zip(ids, positions, strict=True):
            if identifier not in known and not corpus.unloaded.may_define(thing, identifier):
                yield Problem(
                    position, provision.id, f"unknown {kind} '{identifier}'{did_you_mean(identifier, known)}", fix
                )
    editions = [edition.id for edition in corpus.editions]
    seen: set[str] = set()
    for version in provision.versions:
        where = f"{provision.id} ({version.edition})"
        if version.edition not in editions and not corpus.unloaded.may_define("edition", version.edition):
            yield Problem(
                version.position, where, f"unknown edition '{version.edition}'", f"use one of: {', '.join(editions)}"
            )
        if version.edition in seen:
            yield Problem(version.position, where, "a second version for the same edition", "merge the two versions")
        seen.add(version.edition)
        for role, position in zip(version.roles or [], version.role_positions, strict=True):
            if role not in corpus.roles and not corpus.unloaded.may_define("role", role):
                hint = did_you_mean(role, corpus.roles)
                yield Problem(position, where, f"unknown role '{role}'{hint}", "correct the id, or add it to roles.yml")
        yield from _change_problems(provision, version, where)
        if not version.withdrawn and version.strength != "editorial" and not version.evidence:
            yield Problem(
                version.position,
                where,
                f"a '{version.strength}' provision without evidence",
                "add evidence (source, at, quote), or make it an editorial note with strength: editorial",
            )
        for cited in version.cited_ids:
            if cited not in corpus.provisions and not corpus.unloaded.may_define("provision", cited):
                yield Problem(
                    version.text_position,
                    where,
                    f"cross-reference [[{cited}]] to an unknown provision{did_you_mean(cited, corpus.provisions)}",
                    "correct the id inside [[...]]",
                )


def _change_problems(provision: Provision, version: Version, where: str) -> Iterator[Problem]:
    """An amending version says what it means for practice; a first version or a withdrawal does not."""
    amends = provision.amended(version) is not None
    grades = ", ".join(CHANGE_GRADES)
    if amends and not version.change:
        yield Problem(
            version.position,
            where,
            "an amending version without 'change:' (what the amendment means for practice)",
            f"add change: with one of: {grades}",
        )
    elif version.change and not amends:
        yield Problem(
            version.position,
            where,
            "'change:' on a version that amends nothing: only a change of wording or strength is graded",
            "remove the change: line",
        )


def _contents_problems(corpus: Corpus) -> Iterator[Problem]:
    """Each edition lists each of its provisions exactly once, and only provisions that have wording in it."""
    for edition in corpus.editions:
        placed: dict[str, str] = {}
        for chapter in edition.chapters:
            if not chapter.status_evidence and not chapter.status_note:
                yield Problem(
                    chapter.position,
                    f"chapter {chapter.number}",
                    "the chapter's status has no evidence",
                    "add status_evidence, or a status_note explaining the editorial judgement",
                )
            for section in chapter.sections:
                for identifier, position in zip(section.provisions, section.provision_positions, strict=True):
                    where = f"chapter {chapter.number}"
                    provision = corpus.provisions.get(identifier)
                    if provision is None:
                        yield from missing_provision(corpus, identifier, position, where)
                    elif identifier in placed:
                        yield Problem(
                            position,
                            where,
                            f"provision '{identifier}' is already in {placed[identifier]}",
                            "list each provision once per edition",
                        )
                    elif provision.version_in(edition.id) is None:
                        inherited = edition.extends and position == edition.extends_position
                        yield _no_wording(provision, edition.id, position, where, bool(inherited))
                    placed.setdefault(identifier, f"chapter {chapter.number}")
        yield from _not_described_problems(corpus, edition, placed)
        for provision in corpus.provisions.values():
            version = provision.version_of(edition.id)
            if version and not version.withdrawn and provision.id not in placed:
                yield Problem(
                    version.position,
                    f"{provision.id} ({edition.id})",
                    f"the {edition.id} wording is not placed in any chapter of that edition, so it would not be shown",
                    f"list '{provision.id}' in a section of guidance/editions/{edition.id}.yml",
                )


def _no_wording(provision: Provision, edition: str, position: Position, where: str, inherited: bool = False) -> Problem:
    """A provision listed in an edition where no version stands: none yet, or it was withdrawn. One the edition
    inherits (extends:) is taken out with remove:, since its chapter is not written in this file."""
    withdrawal = next(
        (v for v in sorted(provision.versions, key=lambda v: v.edition) if v.edition <= edition and v.withdrawn), None
    )
    if withdrawal:
        return Problem(
            position,
            where,
            f"provision '{provision.id}' is withdrawn in the {withdrawal.edition} edition "
            f"(at {withdrawal.position}), so it has no wording to show here",
            f"add it under remove: in guidance/editions/{edition}.yml (the chapter is inherited)"
            if inherited
            else "remove it from this chapter: its withdrawal is listed on the edition's what-changed page",
        )
    return Problem(
        position,
        where,
        f"provision '{provision.id}' has no wording in the {edition} edition or any earlier one",
        f'add a version with edition: "{edition}" to it, or remove it from this chapter',
    )


def _not_described_problems(corpus: Corpus, edition: Edition, placed: dict[str, str]) -> Iterator[Problem]:
    """Each provision marked as not described is a known provision, neither placed nor given words in this edition."""
    for index, entry in enumerate(edition.not_described):
        for identifier, position in zip(entry.provisions, entry.provision_positions, strict=True):
            where = f"not_described[{index}]"
            provision = corpus.provisions.get(identifier)
            if provision is None:
                yield from missing_provision(corpus, identifier, position, where)
            elif identifier in placed:
                yield Problem(
                    position,
                    where,
                    f"provision '{identifier}' is both placed in {placed[identifier]} and marked as not described",
                    "keep one of the two",
                )
            elif provision.version_of(edition.id):
                yield Problem(
                    position,
                    where,
                    f"provision '{identifier}' has a {edition.id} version, so the sources do describe it",
                    f"place it in a chapter of the {edition.id} edition, or remove it from not_described",
                )


def _silent_drop_problems(corpus: Corpus) -> Iterator[Problem]:
    """A provision in one edition (placed or marked not described) must be accounted for in the next one."""
    for older, newer in pairwise(corpus.editions):
        for identifier, position in _accounted_for(older).items():
            provision = corpus.provisions.get(identifier)
            withdrawn = provision and (version := provision.version_of(newer.id)) and version.withdrawn
            if provision is None or withdrawn or identifier in _accounted_for(newer):
                continue
            if identifier in newer.removals:
                # Taken out with remove: the mistake, and its fix, are at that line.
                yield Problem(
                    newer.removal_positions[newer.removals.index(identifier)],
                    "remove",
                    f"'{identifier}' is removed from the {newer.id} edition but not withdrawn, so it would disappear"
                    " silently",
                    f'add a version to it with edition: "{newer.id}", withdrawn: true and a note saying why, or, if'
                    f" the sources do not say, list it under not_described in guidance/editions/{newer.id}.yml",
                )
                continue
            yield Problem(
                position,
                identifier,
                f"in the {older.id} edition but not in the {newer.id} edition, which neither lists nor withdraws it, "
                "so it would disappear silently",
                f"list it in a section of guidance/editions/{newer.id}.yml, or add a version with "
                f'edition: "{newer.id}", withdrawn: true and a note saying why, or, if the sources do not say, '
                f"list it under not_described in guidance/editions/{newer.id}.yml with a reason",
            )


def _accounted_for(edition: Edition) -> dict[str, Position]:
    """Each provision id the edition places or marks as not described, at the first place it is named."""
    named: dict[str, Position] = {}
    for chapter in edition.chapters:
        for section in chapter.sections:
            for identifier, position in zip(section.provisions, section.provision_positions, strict=True):
                named.setdefault(identifier, position)
    for entry in edition.not_described:
        for identifier, position in zip(entry.provisions, entry.provision_positions, strict=True):
            named.setdefault(identifier, position)
    return named


def missing_provision(corpus: Corpus, identifier: str, position: Position, where: str) -> Iterator[Problem]:
    """An id naming no loaded provision is unknown, unless a file that failed to load may define it (that file
    has a problem of its own, which is the one to fix)."""
    if not corpus.unloaded.may_define("provision", identifier):
        yield unknown_provision(corpus, identifier, position, where)


def unknown_provision(corpus: Corpus, identifier: str, position: Position, where: str) -> Problem:
    """An id that names no provision: a typo, or a published provision whose YAML was deleted."""
    if corpus.registry is not None and identifier in corpus.registry.published:
        return Problem(
            position,
            where,
            f"provision '{identifier}' is published (guidance/published-ids.yml) but no longer defined in "
            "guidance/provisions/",
            "restore its YAML; to withdraw it, keep it and give it a version with withdrawn: true and a note",
        )
    return Problem(
        position,
        where,
        f"unknown provision '{identifier}'{did_you_mean(identifier, corpus.provisions)}",
        "correct the id",
    )
