"""Glossary abbreviations: their expansions for Markdown's `abbr` extension, and the terms a provision uses.

A reader who searches for "designated officer" and one who searches for "LADO" must find the same
provisions, so every provision lists, with its expansion, each glossary abbreviation it uses: those its
YAML names under `terms`, and those whose abbreviation or expansion appears in its title, text, note or the
names of the roles it applies to.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..model import Corpus, Provision, Term, Version
from .markdown import escape, escape_html

_PLACEHOLDER_MARKS = str.maketrans("", "", "\x02\x03")


def abbreviations(corpus: Corpus) -> dict[str, str]:
    """Abbreviation -> expansion for every glossary term that has one, plurals too (the `abbr` extension's glossary)."""
    glossary = {}
    for term in corpus.terms.values():
        # The loader refuses control characters; U+0002/U+0003 are Python-Markdown's placeholder marks, which
        # in an abbr title would paste stashed page HTML into the attribute, so they never reach it.
        expansion = term.expansion.translate(_PLACEHOLDER_MARKS)
        if expansion:
            glossary[term.term] = expansion
            # "LSCBs" is the plural readers meet; an expansion already ending in "s" names the plural too.
            plural = expansion if expansion.endswith("s") else f"{expansion}s"
            glossary.setdefault(f"{term.term}s", plural)
    return glossary


def abbreviated_html(corpus: Corpus, text: str) -> str:
    """Text for raw HTML (escaped as escape_html does) with each glossary abbreviation marked up as <abbr>, as the
    abbr extension marks Markdown: it never reads a raw HTML block, such as a tree's steps."""
    glossary = abbreviations(corpus)
    return _abbreviation_pattern(tuple(glossary)).sub(
        lambda match: f'<abbr title="{escape_html(glossary[match[0]])}">{match[0]}</abbr>', escape_html(text)
    )


@cache
def _abbreviation_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Every abbreviation as a whole word, exact case; longest first, so "LSCBs" is one word, not "LSCB" and "s"."""
    # escape_html leaves letters and digits as they are, so a word of the text is the same word once escaped.
    return re.compile(rf"\b(?:{'|'.join(re.escape(term) for term in sorted(terms, key=len, reverse=True))})\b")


def terms_used(corpus: Corpus, provision: Provision, version: Version) -> list[Term]:
    """The provision's declared terms, then every other abbreviation it uses, in glossary order."""
    roles = [corpus.roles[role].name for role in provision.roles]
    wording = " ".join([provision.title, version.text, version.note, *roles])
    glossary = tuple((term.id, term.term, term.expansion) for term in corpus.terms.values())
    found = [corpus.terms[term_id] for term_id in _mentioned(wording, glossary) if term_id not in provision.terms]
    return [corpus.terms[term_id] for term_id in provision.terms] + found


def term_label(term: Term) -> str:
    """A term as Markdown link text: the abbreviation followed by its expansion, both searchable."""
    if term.expansion and term.expansion.lower() != term.term.lower():
        return f"{escape(term.term)} ({escape(term.expansion)})"
    return escape(term.term)


@lru_cache(maxsize=4096)
def _mentioned(wording: str, glossary: tuple[tuple[str, str, str], ...]) -> list[str]:
    """Ids of the terms whose abbreviation (as a word, exact case) or expansion (any case) the wording uses.

    Kept per wording: a provision is shown on several pages, and `mkdocs serve` rebuilds them on every save."""
    return [
        term_id
        for term_id, term, expansion in glossary
        if expansion and _use_pattern(term, expansion).search(wording) is not None
    ]


@cache
def _use_pattern(abbreviation: str, expansion: str) -> re.Pattern[str]:
    """Compiled once per term: every provision on every page is searched for every term."""
    # The plural ("LSCBs") counts as a use of the abbreviation, as it does for readers.
    return re.compile(rf"\b{re.escape(abbreviation)}s?\b|(?i:\b{re.escape(expansion)}s?\b)")
