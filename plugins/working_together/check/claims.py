"""Claims: a version claims no more than its evidence shows (a Must needs a law naming its duty-holder)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Corpus, Provision, Version
from ..problems import Problem
from .suggest import did_you_mean

WORKING_TOGETHER = "working-together"
LAW = "law"
# A review's recommendation; respondents' views or research findings; the Government's own words or work.
SECONDHAND = ("recommendation", "views", "government")


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
            if version.strength == "law":
                problems.extend(_law_problems(provision, version, where))
            if version.strength == "guidance":
                problems.extend(_law_as_guidance_problems(version, where))
            if version.updated:
                problems.extend(_earlier_wording_problems(corpus, provision, version, where))
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
            f"rests only on {' and '.join(sorted(shown))}: a recommendation, respondents' views, research findings "
            "or the Government's own words are not Working Together",
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
    roles = provision.roles_of(version)
    if not roles:
        yield Problem(
            provision.position if version.roles is None else version.position,
            provision.id,
            f"strength must in {version.edition}, but the {'provision' if version.roles is None else 'version'} "
            "lists no roles",
            f"add roles: [{', '.join(sorted(holders))}]",
        )
    for role, position in zip(roles, provision.role_positions_of(version), strict=True):
        if role not in holders:
            yield Problem(
                position,
                provision.id,
                f"role '{role}' is not a duty-holder of the {version.edition} Must "
                f"(its law evidence names {', '.join(sorted(holders))})",
                "remove the role, or add law evidence naming it as duty_holder, or make the version should",
            )


def _law_problems(provision: Provision, version: Version, where: str) -> Iterator[Problem]:
    """Law without a named holder: the evidence states a law, names no holder, and the version names no role."""
    laws = [evidence for evidence in version.evidence if evidence.shows == LAW]
    if not laws:
        yield Problem(
            version.position,
            where,
            "strength law, but no evidence states a law (an Act, regulations or a statutory duty)",
            "add the passage that states the law with shows: law, or make it should or guidance",
        )
        return
    for evidence in laws:
        if evidence.duty_holder:
            yield Problem(
                evidence.position,
                where,
                f"strength law, but this law evidence names the duty-holder '{evidence.duty_holder}'",
                "make the version must (law naming its holder), or remove duty_holder if the passage names none",
            )
    roles = provision.roles_of(version)
    if roles:
        yield Problem(
            (provision.role_positions_of(version) or [version.position])[0],
            where,
            f"strength law, whose holder the sources do not name, but it applies to {', '.join(roles)}",
            "give the version roles: [] (the sources name no holder), or cite law evidence naming one and make it must",
        )


def _earlier_wording_problems(corpus: Corpus, provision: Provision, version: Version, where: str) -> Iterator[Problem]:
    """An update presupposes wording in the edition before: that edition must show it or say it is not described,
    never leave it silently absent."""
    ids = [edition.id for edition in corpus.editions]
    if version.edition not in ids or ids.index(version.edition) == 0:
        return
    before = corpus.editions[ids.index(version.edition) - 1]
    if provision.id in before.placements or before.undescribed(provision.id):
        return
    yield Problem(
        version.position,
        where,
        f"updated: true says the {before.id} edition had wording on this, but the {before.id} edition neither "
        "places it nor lists it as not described",
        f"list it under not_described in guidance/editions/{before.id}.yml, with a reason saying the sources "
        "revise its wording without giving it",
    )


def _law_as_guidance_problems(version: Version, where: str) -> Iterator[Problem]:
    """A law is never shown as mere description or advice."""
    for evidence in version.evidence:
        if evidence.shows == LAW:
            yield Problem(
                evidence.position,
                where,
                "strength guidance, but this evidence shows law: the page would present a law as no requirement",
                "make the version law (the sources describe the law without naming who holds the duty), "
                "or must with duty_holder: <role id> if the passage names one",
            )
