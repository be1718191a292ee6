"""The words practitioners search with for what the guidance says in other words, added to the search index.

Each group is a set of words or phrases that mean the same to someone searching. A section of the index that
uses one of them gets all of them in a hidden field, `keywords`, so a query for any one finds the sections that
use another: "LADO" finds "local authority designated officer", "died" finds "child death". Abbreviations come
from the glossary (each term with its expansion); the reviewed data file `search-synonyms.yml` holds what the
glossary cannot: practitioners' words the sources never define, question openings, and words the stemmer merges.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml

from ..model import Corpus

SYNONYMS_FILE = "search-synonyms.yml"
_TAG = re.compile(r"<[^>]*>")
# A word, or one mark between words ("parent's" is parent, ', s), as the old whole-word patterns saw them.
_WORD = re.compile(r"\w+|[^\w\s]")
FIELD = "keywords"


@dataclass(frozen=True)
class SearchWords:
    """The reviewed synonym data: groups of words, question openings, and words kept from the stemmer."""

    groups: list[tuple[str, ...]]
    questions: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    unstemmed: dict[str, str] = field(default_factory=dict)  # a word as typed: the term it is indexed as


def search_words(corpus: Corpus, text: str | None = None) -> SearchWords:
    """Every group (each glossary abbreviation with its expansion, then the file's), the questions, the unstemmed."""
    if text is None:
        text = resources.files("working_together.publish").joinpath(SYNONYMS_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    glossary = [(term.term, term.expansion) for term in corpus.terms.values() if term.expansion]
    groups = glossary + [tuple(str(word) for word in group) for group in data.get("groups", [])]
    questions = [
        (tuple(str(s).lower() for s in q["says"]), tuple(str(m).lower() for m in q["means"]))
        for q in data.get("questions", [])
    ]
    unstemmed = {str(word).lower(): str(term) for term, words in data.get("unstemmed", {}).items() for word in words}
    return SearchWords(groups, questions, unstemmed)


def synonym_groups(corpus: Corpus) -> list[tuple[str, ...]]:
    """Every group: each glossary abbreviation with its expansion, then the reviewed file's."""
    return search_words(corpus).groups


def with_keywords(index: dict, groups: list[tuple[str, ...]]) -> dict:
    """Material's search index with a `keywords` field: for each section, the groups it uses, every word of each.

    One pass over each section's words, looking each run of up to N words up in a table of every phrase (N the
    longest phrase's length), not one search per phrase per section: the index has a thousand sections and the
    groups a hundred phrases. An abbreviation is looked up in its own case, so "SEN" is not "sen" in "Sen."."""
    exact: dict[tuple[str, ...], set[int]] = {}
    folded: dict[tuple[str, ...], set[int]] = {}
    for number, group in enumerate(groups):
        for phrase in group:
            words = tuple(_WORD.findall(phrase))
            if phrase.isupper():
                exact.setdefault(words, set()).add(number)
            else:
                folded.setdefault(tuple(word.lower() for word in words), set()).add(number)
    # Every beginning of a phrase, so a run stops growing as soon as no phrase starts that way.
    exact_starts = {words[:end] for words in exact for end in range(1, len(words) + 1)}
    folded_starts = {words[:end] for words in folded for end in range(1, len(words) + 1)}
    for doc in index["docs"]:
        words = _WORD.findall(html.unescape(_TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")))
        lower = [word.lower() for word in words]
        used: set[int] = set()
        for start in range(len(words)):
            used |= _found(words, start, exact, exact_starts) | _found(lower, start, folded, folded_starts)
        if used:
            doc[FIELD] = " ".join(dict.fromkeys(phrase for number in sorted(used) for phrase in groups[number]))
    index["config"]["fields"][FIELD] = {"boost": 1}
    return index


def _found(words: list[str], start: int, phrases: dict[tuple[str, ...], set[int]], starts: set) -> set[int]:
    """The groups of every phrase that begins at `start`."""
    groups: set[int] = set()
    end = start + 1
    while end <= len(words) and tuple(words[start:end]) in starts:
        groups |= phrases.get(tuple(words[start:end]), set())
        end += 1
    return groups
