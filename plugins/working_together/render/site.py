"""Every generated page of the site, keyed by its path under docs/."""

from __future__ import annotations

from itertools import pairwise

from ..changes import compare
from ..model import Corpus
from . import paths
from .changes import changes_page
from .chapter import chapter_page, edition_page
from .coverage import coverage_page
from .edition_print import edition_print_page
from .module import module_page, modules_index
from .overlay import local_page
from .provision import provision_page, retired_page
from .reference import glossary_page, provisions_index
from .role import role_page, roles_index
from .source import source_page, sources_index
from .summary import summary_page
from .tree import tree_page, trees_index


def generated_pages(corpus: Corpus) -> dict[str, str]:
    """Markdown for every page the guidance produces: editions, chapters, provisions, sources, glossary."""
    pages = {
        paths.GLOSSARY: glossary_page(corpus),
        paths.PROVISIONS_INDEX: provisions_index(corpus),
        paths.SOURCES_INDEX: sources_index(corpus),
    }
    for edition in corpus.editions:
        pages[paths.edition_page(edition.id)] = edition_page(corpus, edition)
        for chapter in edition.chapters:
            pages[paths.chapter_page(edition.id, chapter.number)] = chapter_page(corpus, edition, chapter)
    for older, newer in pairwise(corpus.editions):
        pages[paths.changes_page(newer.id)] = changes_page(corpus, compare(corpus, older.id, newer.id))
    for provision in corpus.provisions.values():
        pages[paths.provision_page(provision.id)] = provision_page(corpus, provision)
    if corpus.registry:
        for retirement in corpus.registry.retired:
            pages[paths.provision_page(retirement.id)] = retired_page(corpus, retirement)
    for source in corpus.sources.values():
        pages[paths.source_page(source.id)] = source_page(corpus, source)
    if corpus.trees:
        pages[paths.TREES_INDEX] = trees_index(corpus)
    for tree in corpus.trees.values():
        pages[paths.tree_page(tree.id)] = tree_page(corpus, tree)
    pages[paths.COVERAGE] = coverage_page(corpus)
    pages.update(practitioner_pages(corpus))
    pages.update(print_pages(corpus))
    if corpus.overlay:
        pages[paths.LOCAL] = local_page(corpus)
    return pages


def practitioner_pages(corpus: Corpus) -> dict[str, str]:
    """The practitioner summary, the role pages and the training modules."""
    pages = {paths.ROLES_INDEX: roles_index(corpus)}
    if corpus.summary:
        pages[paths.SUMMARY] = summary_page(corpus)
    for role in corpus.roles.values():
        pages[paths.role_page(role.id)] = role_page(corpus, role)
    if corpus.modules:
        pages[paths.MODULES_INDEX] = modules_index(corpus)
    for module in corpus.modules.values():
        pages[paths.module_page(module.id)] = module_page(corpus, module)
    return pages


def print_pages(corpus: Corpus) -> dict[str, str]:
    """Each edition whole on one page, for printing and PDFs."""
    return {paths.print_page(edition.id): edition_print_page(corpus, edition) for edition in corpus.editions}
