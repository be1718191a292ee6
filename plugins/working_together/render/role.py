"""Role pages: everything that applies to one role, strongest first, and an index of roles."""

from __future__ import annotations

from ..model import STRENGTHS, Corpus, Provision, Role, Version
from . import paths
from .currency import LATEST
from .labels import STRENGTHS as LABELS
from .labels import strength_badge
from .markdown import escape
from .summary import provision_line, timescales_table

# A law whose holder the sources do not name is given to no role (the claims check), so it has no column here.
ROLE_STRENGTHS = tuple(strength for strength in STRENGTHS if strength != "law")


def roles_index(corpus: Corpus) -> str:
    """Every role with how many current provisions apply to it, by strength."""
    page = paths.ROLES_INDEX
    edition = corpus.current_edition
    rows = [
        "| Role | Who is meant | " + " | ".join(LABELS[s].name for s in ROLE_STRENGTHS) + " |",
        "| --- " * (2 + len(ROLE_STRENGTHS)) + "|",
    ]
    for role in corpus.roles.values():
        counts = {strength: 0 for strength in STRENGTHS}
        for _, version in _current(corpus, role):
            counts[version.strength] += 1
        link = f"[{escape(role.name)}]({paths.link(page, paths.role_page(role.id))})"
        cells = " | ".join(str(counts[s]) for s in ROLE_STRENGTHS)
        rows.append(f"| {link} | {escape(role.description)} | {cells} |")
    law = LABELS["law"]
    return (
        "# Roles\n\n"
        f"What *{escape(edition.title)}*, {LATEST}, asks of each role, strongest first. "
        "The descriptions of who is meant are ours. "
        f"Provisions labelled {law.name} ({law.meaning}) are on no role's page: see the "
        f"[practitioner summary]({paths.link(page, paths.SUMMARY)}).\n\n" + "\n".join(rows) + "\n"
    )


def role_page(corpus: Corpus, role: Role) -> str:
    """The current edition's provisions for one role grouped by strength, its time limits, then earlier editions."""
    page = paths.role_page(role.id)
    edition = corpus.current_edition
    parts = [
        f"# {escape(role.name)}",
        f"*Editorial note:* {escape(role.description)}",
        f"## In the {escape(edition.id)} edition {{ #current }}\n\n"
        f"From *{escape(edition.title)}*, {LATEST}, strongest first.",
    ]
    current = _current(corpus, role)
    for strength in STRENGTHS:
        lines = [
            provision_line(corpus, provision, version, edition.placements[provision.id], page)
            for provision, version in current
            if version.strength == strength
        ]
        if lines:
            label = LABELS[strength]
            parts.append(f"### {label.name}: {label.meaning} {{ #{strength} }}\n\n" + "\n".join(lines))
    if not current:
        parts.append(f"Nothing in the {escape(corpus.current_edition.id)} edition names this role.")
    table = timescales_table(corpus, page, role.id)
    if table:
        parts.append("## Time limits { #timescales }\n\n" + table)
    earlier = _earlier(corpus, role, page)
    if earlier:
        parts.append(
            "## Earlier editions only { #earlier }\n\n"
            '!!! warning "Earlier editions only: superseded"\n\n'
            "    These provisions applied to this role in an earlier edition; how each stands in the "
            f"{edition.id} edition is said below. They are kept so that earlier practice can be understood."
        )
    for group, (heading, explanation) in _EARLIER_GROUPS.items():
        if earlier.get(group):
            parts.append(
                f"### {heading.format(edition=edition.id)} {{ #{group} }}\n\n"
                f"{explanation.format(edition=edition.id)}\n\n" + earlier[group]
            )
    return "\n\n".join(parts) + "\n"


def _current(corpus: Corpus, role: Role) -> list[tuple[Provision, Version]]:
    """(provision, version) in the current edition for the role, in reading order."""
    edition = corpus.current_edition
    found = []
    for identifier in edition.placements:
        provision = corpus.provisions[identifier]
        version = provision.version_in(edition.id)
        if version and role.id in provision.roles_of(version):
            found.append((provision, version))
    return found


# How a provision of an earlier edition stands in the current one, in the sources' terms: never "not in" for silence.
_EARLIER_GROUPS = {
    "withdrawn": ("Withdrawn by the {edition} edition", "The sources say these were withdrawn."),
    "not-described": (
        "Not described for the {edition} edition by these sources",
        "The sources do not say whether the {edition} edition has these provisions. We neither carry them into "
        "that edition nor record them as withdrawn: each provision's page says why.",
    ),
    "other-roles": (
        "In the {edition} edition for other roles",
        "The {edition} edition's words of these provisions do not name this role.",
    ),
}


def _earlier(corpus: Corpus, role: Role, page: str) -> dict[str, str]:
    """Provisions that applied to the role in an earlier edition but not in the current one, each from the last
    edition where they did, grouped by how they stand now (a key of _EARLIER_GROUPS)."""
    current = corpus.current_edition
    lines: dict[str, list[tuple[int, int, str]]] = {group: [] for group in _EARLIER_GROUPS}
    for provision in corpus.provisions.values():
        if provision.id in current.placements and role.id in provision.roles_of(provision.version_in(current.id)):
            continue
        last = next(
            (
                e
                for e in reversed(corpus.editions[:-1])
                if provision.id in e.placements
                and (version := provision.version_in(e.id))
                and role.id in provision.roles_of(version)
            ),
            None,
        )
        if last is None:
            continue
        version = provision.version_in(last.id)
        link = paths.link(page, paths.provision_page(provision.id))
        order = list(last.placements).index(provision.id)
        placement = last.placements[provision.id]
        number = "" if placement.editorial else f" {placement.number}"
        badge = strength_badge(version.strength)
        line = f"- {badge} {last.id} edition{number} [{escape(provision.title)}]({link}) (superseded)"
        if provision.id in current.placements:
            group = "other-roles"
        elif current.undescribed(provision.id) or provision.version_in(current.id) is not None:
            group = "not-described"
        else:
            group = "withdrawn"
        lines[group].append((-corpus.editions.index(last), order, line))
    return {group: "\n".join(line for *_, line in sorted(found)) for group, found in lines.items() if found}
