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
    earlier = _earlier(corpus, role, page)
    if earlier:
        parts.append(
            "## Earlier editions only { #earlier }\n\n"
            '!!! warning "Earlier editions only: superseded"\n\n'
            f"    These provisions are not in the {edition.id} edition. They are kept so that earlier practice "
            "can be understood.\n\n" + earlier
        )
    return "\n\n".join(parts) + "\n"


def _current(corpus: Corpus, role: Role) -> list[tuple[Provision, Version]]:
    """(provision, version) in the current edition for the role, in reading order."""
    edition = corpus.current_edition
    found = []
    for identifier in edition.placements:
        provision = corpus.provisions[identifier]
        version = provision.version_in(edition.id)
        if role.id in provision.roles and version:
            found.append((provision, version))
    return found


def _earlier(corpus: Corpus, role: Role, page: str) -> str:
    """Provisions for the role that the current edition no longer has, each from the last edition that had it."""
    current = corpus.current_edition
    lines: list[tuple[int, int, str]] = []
    for provision in corpus.provisions.values():
        if role.id not in provision.roles or provision.id in current.placements:
            continue
        last = next(
            (e for e in reversed(corpus.editions) if provision.id in e.placements and provision.version_in(e.id)),
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
        lines.append((-corpus.editions.index(last), order, line))
    return "\n".join(line for *_, line in sorted(lines))
