"""Role pages: everything that applies to one role, strongest first, and an index of roles."""

from __future__ import annotations

from ..model import STRENGTHS, Corpus, Provision, Role, Version
from . import paths
from .currency import LATEST
from .labels import STRENGTHS as LABELS
from .labels import strength_badge
from .markdown import escape
from .summary import provision_line, timescales_table


def roles_index(corpus: Corpus) -> str:
    """Every role with how many current provisions apply to it, by strength."""
    page = paths.ROLES_INDEX
    edition = corpus.current_edition
    rows = ["| Role | Who is meant | " + " | ".join(LABELS[s].name for s in STRENGTHS) + " |", "| --- " * 6 + "|"]
    for role in corpus.roles.values():
        counts = {strength: 0 for strength in STRENGTHS}
        for _, version in _current(corpus, role):
            counts[version.strength] += 1
        link = f"[{escape(role.name)}]({paths.link(page, paths.role_page(role.id))})"
        rows.append(f"| {link} | {escape(role.description)} | " + " | ".join(str(counts[s]) for s in STRENGTHS) + " |")
    return (
        "# Roles\n\n"
        f"What *{escape(edition.title)}*, {LATEST}, asks of each role, strongest first. "
        "The descriptions of who is meant are ours.\n\n" + "\n".join(rows) + "\n"
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
    withdrawn, undescribed = _earlier(corpus, role, page)
    if withdrawn or undescribed:
        parts.append(
            "## Earlier editions only { #earlier }\n\n"
            '!!! warning "Earlier editions only: superseded"\n\n'
            f"    These provisions are in earlier editions but not placed in the {edition.id} edition. They are kept "
            "so that earlier practice can be understood."
        )
    if withdrawn:
        parts.append(
            f"### Withdrawn by the {edition.id} edition {{ #withdrawn }}\n\n"
            "The sources say these were withdrawn.\n\n" + withdrawn
        )
    if undescribed:
        parts.append(
            f"### Not described for the {edition.id} edition by these sources {{ #not-described }}\n\n"
            f"The sources do not say whether the {edition.id} edition has these provisions. We neither carry them "
            "into that edition nor record them as withdrawn: each provision's page says why.\n\n" + undescribed
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


def _earlier(corpus: Corpus, role: Role, page: str) -> tuple[str, str]:
    """Provisions for the role that the current edition does not place, each from the last edition that had it:
    (those the sources say were withdrawn, those the sources do not describe in the current edition)."""
    current = corpus.current_edition
    lines: list[tuple[bool, int, int, str]] = []
    for provision in corpus.provisions.values():
        if provision.id in current.placements:
            continue
        last = next(
            (e for e in reversed(corpus.editions) if provision.id in e.placements and provision.version_in(e.id)),
            None,
        )
        if last is None:
            continue
        version = provision.version_in(last.id)
        if role.id not in provision.roles_of(version):
            continue
        link = paths.link(page, paths.provision_page(provision.id))
        order = list(last.placements).index(provision.id)
        placement = last.placements[provision.id]
        number = "" if placement.editorial else f" {placement.number}"
        badge = strength_badge(version.strength)
        line = f"- {badge} {last.id} edition{number} [{escape(provision.title)}]({link}) (superseded)"
        withdrawn = current.undescribed(provision.id) is None and provision.version_in(current.id) is None
        lines.append((withdrawn, -corpus.editions.index(last), order, line))
    ordered = sorted(lines)
    return (
        "\n".join(line for gone, *_, line in ordered if gone),
        "\n".join(line for gone, *_, line in ordered if not gone),
    )
