"""A provision as Markdown: inside a chapter, on its permanent page, and the page of a retired id."""

from __future__ import annotations

from ..model import Corpus, Edition, Evidence, Provision, Retirement, Version
from . import paths
from .abbreviations import term_label, terms_used
from .citation import citation_button
from .currency import replacement_note
from .labels import STRENGTHS, strength_badge
from .markdown import disclosure, escape, escape_html, render_text
from .overlay import provision_local_notes


def provision_in_chapter(corpus: Corpus, provision: Provision, edition: Edition, page: str) -> str:
    """The provision's block on a chapter page: numbered heading with its #id anchor, wording and source."""
    placement = edition.placements[provision.id]
    version = provision.version_in(edition.id)
    assert version is not None  # the contents check guarantees it
    return "\n\n".join(
        [
            f'<div class="wt-provision wt-provision--{version.strength}" markdown="1">',
            f"### {placement.titled(escape(provision.title))} {{ #{provision.id} }}",
            _wording(corpus, provision, version, edition, page),
            _history(corpus, provision, page),
            provision_local_notes(corpus, provision.id) if edition is corpus.current_edition else "",
            f"[Permanent link: {escape(provision.title)}]({paths.link(page, paths.provision_page(provision.id))})"
            f'{{ .wt-permalink }} <button type="button" class="wt-copy-link md-button" hidden '
            f'aria-label="Copy link to {escape_html(provision.title)}">Copy link</button> '
            f"{citation_button(corpus, edition, placement, provision)}",
            "</div>",
        ]
    )


def provision_page(corpus: Corpus, provision: Provision) -> str:
    """The permanent page: the wording in every edition, newest first; the link never changes."""
    page = paths.provision_page(provision.id)
    parts = [
        f"# {escape(provision.title)}",
        # A reader landing here from a search or a tree's citation sees first that 2015 is not in force (review
        # section 3, "Currency on tree pages"), not only in the stamp at the foot.
        replacement_note(corpus),
        f"Permanent page of provision `{provision.id}`: link to this page and the link will keep working "
        "in every future edition. The numbers below (such as "
        f"{_any_number(corpus, provision)}) are this web edition's provision numbers, not the printed paragraph "
        "numbers of Working Together; each version's Source names the passages it rests on.",
        provision_local_notes(corpus, provision.id),
    ]
    for edition in reversed(corpus.editions):
        current = " (latest in these sources)" if edition is corpus.current_edition else ""
        placement = edition.placements.get(provision.id)
        exact = provision.version_of(edition.id)
        if exact and exact.withdrawn:
            parts.append(f"## {edition.id} edition{current}: withdrawn {{ #edition-{edition.id} }}")
            parts.append(escape(exact.note))
            parts.append(sources_disclosure(corpus, exact.evidence, page))
            continue
        if undescribed := edition.undescribed(provision.id):
            parts.append(f"## {edition.id} edition{current}: not described {{ #edition-{edition.id} }}")
            parts.append(not_described_notice(edition, undescribed.reason))
            continue
        version = provision.version_in(edition.id)
        if placement is None or version is None:
            continue
        chapter_link = paths.link(page, paths.chapter_page(edition.id, placement.chapter.number), provision.id)
        parts.append(f"## {edition.id} edition{current}: {placement.number} {{ #edition-{edition.id} }}")
        parts.append(
            f'<div class="wt-provision wt-provision--{version.strength}" markdown="1">\n\n'
            f"{_wording(corpus, provision, version, edition, page)}\n\n"
            f"[Read it in chapter {placement.chapter.number} of the {edition.id} edition]({chapter_link}) "
            f"{citation_button(corpus, edition, placement, provision)}\n\n</div>"
        )
    return "\n\n".join(part for part in parts if part) + "\n"


def _any_number(corpus: Corpus, provision: Provision) -> str:
    """The provision's web number in the latest edition that places it, for the example in the page's introduction."""
    placements = [e.placements[provision.id] for e in reversed(corpus.editions) if provision.id in e.placements]
    numbered = [placement for placement in placements if not placement.editorial]
    return numbered[0].number if numbered else "1.2"


def retired_page(corpus: Corpus, retirement: Retirement) -> str:
    """What a trainer's old link shows once an id is retired: why, and where to go instead."""
    replacement = corpus.provisions[retirement.replaced_by]
    link = paths.link(paths.provision_page(retirement.id), paths.provision_page(replacement.id))
    return (
        f"# Retired provision: {retirement.id}\n\n"
        '!!! warning "This provision has been retired"\n\n'
        f"    {escape(retirement.reason)}\n\n"
        f"    It was replaced by [{escape(replacement.title)}]({link}).\n"
    )


def _wording(corpus: Corpus, provision: Provision, version: Version, edition: Edition, page: str) -> str:
    """Strength badge, text, roles, terms, see-also and the Source disclosure of one version."""

    def link_for(identifier: str) -> str:
        return _provision_link(corpus, identifier, edition, page)

    parts = [f'<p class="wt-strength">{strength_badge(version.strength)}</p>', render_text(version.text, link_for)]
    if version.edition != edition.id:
        parts.append(f'<p class="wt-took-effect">These words took effect in the {version.edition} edition.</p>')
    if version.note:
        # A note may cross-reference a provision too: [[id]] becomes a link, never raw markup.
        parts.append(f"*{STRENGTHS['editorial'].name}:* {render_text(version.note, link_for)}")
    if roles := provision.roles_of(version):
        names = ", ".join(escape(corpus.roles[role].name) for role in roles)
        parts.append(f"**Applies to:** {names}")
    # Each term with its expansion, so searching the abbreviation or the words finds the same provisions.
    if terms := terms_used(corpus, provision, version):
        glossary = [f"[{term_label(term)}]({paths.link(page, paths.GLOSSARY, term.id)})" for term in terms]
        parts.append(f"**Terms:** {', '.join(glossary)}")
    if provision.refs:
        parts.append(f"**See also:** {', '.join(link_for(ref) for ref in provision.refs)}")
    parts.append(sources_disclosure(corpus, version.evidence, page))
    return "\n\n".join(part for part in parts if part)


def sources_disclosure(corpus: Corpus, evidence: list[Evidence], page: str, summary: str = "Source") -> str:
    """A disclosure listing each piece of evidence: document, location, verbatim quote, link to the passage."""
    if not evidence:
        return ""
    items = []
    for item in evidence:
        source = corpus.sources[item.source]
        passage = source.passages[item.at]
        link = paths.link(page, paths.source_page(source.id), passage.anchor)
        items.append(f"- [{escape(source.title)}, {escape(item.at)}]({link}): “{escape(item.quote)}”")
    return disclosure("quote wt-source", summary, "\n".join(items))


def _history(corpus: Corpus, provision: Provision, page: str) -> str:
    """Where this provision stands in every edition, as a disclosure (when it is in more than one)."""
    rows = []
    for edition in corpus.editions:
        placement = edition.placements.get(provision.id)
        exact = provision.version_of(edition.id)
        version = provision.version_in(edition.id)
        if exact and exact.withdrawn:
            rows.append(f"- {edition.id} edition: withdrawn")
        elif edition.undescribed(provision.id):
            rows.append(f"- {edition.id} edition: not described by the sources")
        elif placement and version:
            link = paths.link(page, paths.chapter_page(edition.id, placement.chapter.number), provision.id)
            label = STRENGTHS[version.strength].name
            carried = f", words of the {version.edition} edition" if version.edition != edition.id else ""
            rows.append(f"- {edition.id} edition: [{placement.number}]({link}) ({label}{carried})")
    if len(rows) < 2:
        return ""
    return disclosure("abstract wt-history", "History", "\n".join(rows))


def not_described_notice(edition: Edition, reason: str) -> str:
    """What a reader sees where the sources do not say whether an edition kept a provision."""
    return (
        f"The sources do not describe this provision in the {edition.id} edition.\n\n"
        f"*{STRENGTHS['editorial'].name}:* {escape(reason)}"
    )


def _provision_link(corpus: Corpus, identifier: str, edition: Edition, page: str) -> str:
    """A cross-reference: to the same edition's chapter if the target is there, else to its permanent page."""
    target = corpus.provisions[identifier]
    placement = edition.placements.get(identifier)
    if placement:
        link = paths.link(page, paths.chapter_page(edition.id, placement.chapter.number), identifier)
        return f"[{placement.titled(escape(target.title))}]({link})"
    return f"[{escape(target.title)}]({paths.link(page, paths.provision_page(identifier))})"
