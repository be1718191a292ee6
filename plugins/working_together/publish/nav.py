"""The site navigation: hand-written pages from mkdocs.yml with the generated guidance placed after the home page."""

from __future__ import annotations

from html import escape

from ..model import Corpus
from ..render import paths


def guidance_nav(corpus: Corpus) -> list[dict[str, object]]:
    """Nav entries for the current edition, earlier editions, provisions, sources and glossary."""
    # Themes print nav titles as HTML, so titles from YAML are escaped here (and then show as text).
    current = corpus.current_edition
    entries: list[dict[str, object]] = []
    if corpus.trees:
        trees = [{escape(tree.title): paths.tree_page(tree.id)} for tree in corpus.trees.values()]
        entries.append({"What to do if you're worried": [paths.TREES_INDEX, *trees]})
    entries += practitioner_nav(corpus)
    first = corpus.editions[0]
    entries.append({f"{current.id} edition (latest in sources)": _edition_entries(current, current is first)})
    earlier = [
        {f"{edition.id} edition": _edition_entries(edition, edition is first)}
        for edition in reversed(corpus.editions[:-1])
    ]
    if earlier:
        entries.append({"Earlier editions": earlier})
    entries.append({"All provisions": paths.PROVISIONS_INDEX})
    sources = [paths.SOURCES_INDEX] + [
        {escape(source.title): paths.source_page(source.id)} for source in corpus.sources.values()
    ]
    entries.append({"Sources": sources})
    entries.append({"Glossary": paths.GLOSSARY})
    entries.append({"For maintainers": [{"Coverage of the sources": paths.COVERAGE}]})
    if corpus.overlay:
        entries.append({escape(f"Local information: {corpus.overlay.partnership}"): paths.LOCAL})
    return entries


def _edition_entries(edition, first: bool) -> list[object]:  # noqa: ANN001 - an Edition
    chapters = [
        {escape(f"{chapter.number}. {chapter.title}"): paths.chapter_page(edition.id, chapter.number)}
        for chapter in edition.chapters
    ]
    changes = [] if first else [{"What changed": paths.changes_page(edition.id)}]
    return [paths.edition_page(edition.id), *changes, *chapters]


def practitioner_nav(corpus: Corpus) -> list[dict[str, object]]:
    """Nav entries for the practitioner summary, roles (index only) and training modules."""
    entries: list[dict[str, object]] = []
    if corpus.summary:
        entries.append({"Practitioner summary": paths.SUMMARY})
    entries.append({"Roles": paths.ROLES_INDEX})
    if corpus.modules:
        modules = [{escape(module.title): paths.module_page(module.id)} for module in corpus.modules.values()]
        entries.append({"Training modules": [paths.MODULES_INDEX, *modules]})
    return entries
