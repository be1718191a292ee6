"""Claims: a version claims no more than its evidence shows (a Must needs a law naming its duty-holder)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Corpus, Provision, Version
from ..problems import Problem
from .suggest import did_you_mean

WORKING_TOGETHER = "working-together"
LAW = "law"
SECONDHAND = ("recommendation", "views")  # a review's recommendation; respondents' views or research findings


def claim_problems(corpus: Corpus) -> list[Problem]:
    """Every version whose strength or standing is more than its evidence shows."""
    problems: list[Problem] = []
    for provision in corpus.provisions.values():
        for version in provision.versions:
            if version.withdrawn or version.strength == "editorial" or not version.evidence:
                continue  # a version without evidence is reported by the references check
            where = f"{provision.id} ({version.edition})"
            problems.extend(_duty_holder_problems(corpus, version, where))
            problems.extend(_standing_problems(version, where))
            if version.strength == "must":
                problems.extend(_must_problems(provision, version, where))
    return problems


def _duty_holder_problems(corpus: Corpus, version: Version, where: str) -> Iterator[Problem]:
    for evidence in version.evidence:
        if evidence.duty_holder and evidence.shows != LAW:
            yield Problem(
                evidence.position,
                where,
                f"duty_holder '{evidence.duty_holder}' is given on evidence that shows {evidence.shows or 'nothing'}",
                "remove duty_holder, or set shows: law if the passage states the law that puts the duty on that role",
            )
        if evidence.duty_holder and evidence.duty_holder not in corpus.roles:
            hint = did_you_mean(evidence.duty_holder, corpus.roles)
            yield Problem(
                evidence.position, where, f"unknown duty_holder '{evidence.duty_holder}'{hint}", "use a role id"
            )


def _standing_problems(version: Version, where: str) -> Iterator[Problem]:
    shown = {evidence.shows for evidence in version.evidence}
    if WORKING_TOGETHER in shown:
        return
    if shown and shown <= set(SECONDHAND):
        yield Problem(
            version.position,
            where,
            f"rests only on {' and '.join(sorted(shown))}: a recommendation, respondents' views or research findings "
            "are not Working Together",
            "cite a passage that says what Working Together says (shows: working-together), or remove the wording",
        )
        return
    yield Problem(
        version.position,
        where,
        "no evidence states what Working Together says",
        "add an evidence item with shows: working-together, or mark the version editorial",
    )


def _must_problems(provision: Provision, version: Version, where: str) -> Iterator[Problem]:
    laws = [evidence for evidence in version.evidence if evidence.shows == LAW]
    if not laws:
        yield Problem(
            version.position,
            where,
            "strength must, but no evidence states a law (an Act, regulations or a statutory duty)",
            "add the passage that states the law with shows: law and duty_holder: <role id>, or make it should",
        )
        return
    holders = {evidence.duty_holder for evidence in laws if evidence.duty_holder}
    if not holders:
        yield Problem(
            laws[0].position,
            where,
            "strength must, but the law evidence names no duty-holder",
            "add duty_holder: <role id> for the body the law puts the duty on, or make it should",
        )
        return
    if not provision.roles:
        yield Problem(
            provision.position,
            provision.id,
            f"strength must in {version.edition}, but the provision lists no roles",
            f"add roles: [{', '.join(sorted(holders))}]",
        )
    for role, position in zip(provision.roles, provision.role_positions, strict=True):
        if role not in holders:
            yield Problem(
                position,
                provision.id,
                f"role '{role}' is not a duty-holder of the {version.edition} Must "
                f"(its law evidence names {', '.join(sorted(holders))})",
                "remove the role, or add law evidence naming it as duty_holder, or make the version should",
            )
