"""The practitioner summary: current duties and expectations by stage of a case and by role, and every time limit.

One line per provision, each linking to its permanent page, so the page prints on a few sheets.
"""

from __future__ import annotations

from ..model import Corpus, Evidence, Placement, Provision, Stage, Timescale, Version
from . import paths
from .currency import LATEST, replacement_note
from .labels import strength_badge
from .markdown import escape


def summary_page(corpus: Corpus) -> str:
    """The whole summary page for the current edition."""
    page = paths.SUMMARY
    edition = corpus.current_edition
    parts = [
        "# Practitioner summary",
        replacement_note(corpus),
        f"What *{escape(edition.title)}*, {LATEST}, asks of each organisation and practitioner, as far as the "
        "five source documents describe it: the legal duties (**Must**) and statutory guidance (**Should**) they "
        "record, by stage of a case and by role, then the time limits they record. Each line links to the "
        "provision's permanent page, with its full wording and its source. Stage titles and introductions are "
        "ours, not the guidance's.",
        trees_block(corpus, page),
        "## By stage of a case { #stages }",
    ]
    parts += [_stage(corpus, stage, number, page) for number, stage in enumerate(_stages(corpus), start=1)]
    parts += [
        "## By role { #roles }",
        "Which of the duties and expectations above fall to whom. The role pages list everything, including "
        "practice guidance.",
        f'<div class="wt-summary-roles" markdown="1">\n\n{_roles_table(corpus, page)}\n\n</div>',
        "## Time limits { #timescales }",
        "The time limits the sources record, in the words of its source; the edition set others the sources do "
        "not mention. Earlier editions' limits are listed after the latest ones, for understanding past practice.",
        timescales_table(corpus, page),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def summary_ids(corpus: Corpus) -> list[str]:
    """The provision ids on the summary, in page order."""
    return [identifier for stage in _stages(corpus) for identifier in stage.provisions]


def trees_block(corpus: Corpus, page: str) -> str:
    """Links to every decision tree, for someone worried about a child now."""
    if not corpus.trees:
        return ""
    links = [
        f"- [{escape(tree.title)}]({paths.link(page, paths.tree_page(tree.id))})" for tree in corpus.trees.values()
    ]
    return (
        '!!! tip "Worried about a child now?"\n\n'
        "    Answer a few questions in a decision tree to find your next step:\n\n"
        + "\n".join(f"    {line}" for line in links)
    )


def provision_line(corpus: Corpus, provision: Provision, version: Version, placement: Placement, page: str) -> str:
    """One list item: strength badge, number in its edition and the title linking to the permanent page (a note of
    ours has no number, and its badge already says what it is)."""
    link = paths.link(page, paths.provision_page(provision.id))
    number = "" if placement.editorial else f"{placement.number} "
    return f"- {strength_badge(version.strength)} {number}[{escape(provision.title)}]({link})"


def _stages(corpus: Corpus) -> list[Stage]:
    return corpus.summary.stages if corpus.summary else []


def _stage(corpus: Corpus, stage: Stage, number: int, page: str) -> str:
    edition = corpus.current_edition
    parts = [f"### {number}. {escape(stage.title)} {{ #stage-{stage.id} }}", f"*Editorial note:* {escape(stage.label)}"]
    if stage.trees:
        trees = ", ".join(
            f"[{escape(corpus.trees[tree].title)}]({paths.link(page, paths.tree_page(tree))})" for tree in stage.trees
        )
        parts.append(f"**Decision trees:** {trees}")
    lines = []
    for identifier in stage.provisions:
        provision = corpus.provisions[identifier]
        version = provision.version_in(edition.id)
        assert version is not None  # the summary check guarantees it
        lines.append(provision_line(corpus, provision, version, edition.placements[identifier], page))
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _roles_table(corpus: Corpus, page: str) -> str:
    edition = corpus.current_edition
    rows = ["| Role | Must (legal duty) | Should (statutory guidance) |", "| --- | --- | --- |"]
    for role in corpus.roles.values():
        cells = {"must": [], "should": []}
        for identifier in summary_ids(corpus):
            provision = corpus.provisions[identifier]
            version = provision.version_in(edition.id)
            if version and role.id in provision.roles_of(version) and version.strength in cells:
                link = paths.link(page, paths.provision_page(identifier))
                number = edition.placements[identifier].number
                cells[version.strength].append(f'[{number}]({link} "{escape(provision.title)}")')
        if cells["must"] or cells["should"]:
            name = f"[{escape(role.name)}]({paths.link(page, paths.role_page(role.id))})"
            rows.append(f"| {name} | {', '.join(cells['must']) or '—'} | {', '.join(cells['should']) or '—'} |")
    return "\n".join(rows)


def timescales(corpus: Corpus) -> list[tuple[str, Provision, Version, Timescale]]:
    """(edition id, provision, version, timescale) for every time limit: current edition first, then newest first."""
    found = []
    for edition in reversed(corpus.editions):
        for identifier in edition.placements:
            provision = corpus.provisions[identifier]
            version = provision.version_in(edition.id)
            if version and version.timescale:
                found.append((edition.id, provision, version, version.timescale))
    return found


def timescales_table(corpus: Corpus, page: str, role: str = "") -> str:
    """A table of time limits (all, or those of one role): what, limit and from when, by whom, edition and source."""
    rows = ["| What | Time limit, from | By whom | Edition and source |", "| --- | --- | --- | --- |"]
    current = corpus.current_edition.id
    for edition_id, provision, version, timescale in timescales(corpus):
        if role and role not in timescale.by:
            continue
        number = corpus.edition(edition_id).placements[provision.id].number
        what = f"[{escape(timescale.what)}]({paths.link(page, paths.provision_page(provision.id))})"
        start = f"from {escape(timescale.start)}" if timescale.start else "(the source does not say from when)"
        # On a role's own page its name is plain text: a link to the page itself (href="") would only reload it.
        by = ", ".join(
            escape(corpus.roles[r].name)
            if paths.role_page(r) == page
            else f"[{escape(corpus.roles[r].name)}]({paths.link(page, paths.role_page(r))})"
            for r in timescale.by
        )
        status = "latest in these sources" if edition_id == current else "superseded"
        if version.edition != edition_id:
            status += f"; words of the {version.edition} edition"
        source = _source(corpus, version.evidence, timescale, page)
        rows.append(
            f"| {what} | **{escape(timescale.period)}** {start} | {by} | {edition_id} ({status}) {number}: {source} |"
        )
    return "\n".join(rows) if len(rows) > 2 else ""


def _source(corpus: Corpus, evidence: list[Evidence], timescale: Timescale, page: str) -> str:
    """The evidence item whose quote contains the timescale's words, as a link to its passage and the words."""
    wanted = " ".join(timescale.quote.split()).casefold()
    item = next(e for e in evidence if wanted in " ".join(e.quote.split()).casefold())
    source = corpus.sources[item.source]
    link = paths.link(page, paths.source_page(source.id), source.passages[item.at].anchor)
    return f"[{escape(source.title)}, {escape(item.at)}]({link})"
