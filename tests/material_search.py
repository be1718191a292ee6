"""The site's in-browser search, mirrored in Python with the `lunr` package, for search-quality tests.

It loads the index the build wrote (`config.prebuilt` in search/prebuilt_index.json, publish/search_index.py) and
answers a query as our search worker does (assets/search-worker.js): the query put into the index's terms (stop
words dropped, words stemmed, the last word also a prefix, unknown words to the nearest index term, a question's
opening adding its journey's words), each section scored by lunr times the share of the query's words it has,
squared, by the share in its title and by the page's weight (unless it answers more of the query's rarity than any
full-weight page), and pages in the order of their best section. `not_covered` says
whether the worker would show the "these editions do not cover this" notice. Change this file and the worker together.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from lunr.index import Index
from lunr.query import Query
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer
from working_together.publish.search_index import unpacked

SHORTEST_PREFIX = 3
# Covered when one section has this share of the query's rarity (its words weighted by `_rarity`): common words
# ("teachers", "duty", "child") match everywhere and say little about whether the editions cover a topic.
COVERED_SHARE = 0.5
# A source document is one long section with most words somewhere in it: it covers a query only with nearly all.
SOURCE_COVERED_SHARE = 0.9
CORRECTED = 0.5  # a word matched only through the nearest spelling may be a different word ("gangs": "rang")
RARITY_PREFIXES = 50  # index terms a prefix is compared over for its commonest completion
# A question's verbs, rare in the guidance's own words, say nothing about its topic ("what goes in the annual report").
QUESTION_WORDS = {"go", "goes", "happen", "happens", "happened", "need", "needs", "mean", "means", "say", "says"}
QUESTION_BOOST = 1
TITLE_BONUS = 1  # a section whose title has all the query's words counts twice
ARTICLE_BONUS = 2  # a page's own entry (its title and opening) against one of its sections


@dataclass
class Result:
    """One page in the result list, with the locations (page and sections) that matched."""

    page: str
    locations: list[str]


@dataclass
class _Clause:
    word: str
    term: str
    prefix: bool
    corrected: bool = False  # not in the index as typed: the nearest index term one edit away
    boost: float = 1
    typed: bool = True  # typed by the searcher, not added for a question's opening


class MaterialSearch:
    """The prebuilt lunr index of `search/prebuilt_index.json`, searched the way our search worker searches it."""

    def __init__(self, index_file: Path) -> None:
        data = json.loads(index_file.read_text(encoding="utf-8"))
        config = data["config"]
        self.docs = data["docs"]
        self.separator = re.compile(config["separator"])
        self.index: Index = Index.load(unpacked(config["prebuilt"]))
        self.terms = sorted(self.index.inverted_index)
        self.unstemmed = config.get("unstemmed", {})
        self.questions = [
            ([re.compile(r"(^|\W)" + re.escape(s).replace(r"\ ", r"\W+") + r"(\W|$)") for s in q["says"]], q["means"])
            for q in config.get("questions", [])
        ]
        self.not_covered = False

    def search(self, query: str) -> list[Result]:
        """Pages in the order the worker lists them for `query` (the notice not among them; see `not_covered`)."""
        clauses = self.clauses(query)
        typed = [clause for clause in clauses if clause.typed]
        self.not_covered = False
        self.complete: set[str] = set()
        if not typed:
            return []
        q = self.index.create_query()
        for clause in clauses:
            wildcard = Query.WILDCARD_TRAILING if clause.prefix else Query.WILDCARD_NONE
            q.term(clause.term, use_pipeline=False, boost=clause.boost, wildcard=wildcard)
        found = []
        weights = [self._rarity(clause) for clause in typed]
        for hit in self.index.query(q):
            matched = list(hit["match_data"].metadata)
            has = [any(_has(c, term) for term in matched) for c in typed]
            share = sum(has) / len(typed)
            counted = [w * (CORRECTED if c.corrected else 1) for w, c in zip(weights, typed, strict=True)]
            weighted = sum(w for w, h in zip(counted, has, strict=True) if h) / (sum(weights) or 1)
            in_title = [term for term, fields in hit["match_data"].metadata.items() if "title" in fields]
            title_share = sum(any(_has(c, term) for term in in_title) for c in typed) / len(typed)
            doc = self.docs[int(hit["ref"])]
            location = doc["location"]
            bonus = (1 if "#" in location else ARTICLE_BONUS) * (1 + TITLE_BONUS * title_share)
            covers = weighted * (COVERED_SHARE / SOURCE_COVERED_SHARE if location.startswith("sources/") else 1)
            found.append(
                [hit["score"] * share * share * bonus, share, location, covers, weighted, doc.get("weight", 1)]
            )
        # A page's weight (a source, the glossary, a replaced edition) orders it below the pages that answer the
        # same distinctive words; one that answers more of them than any full-weight page keeps its place.
        answered = max((item[4] for item in found if item[5] == 1), default=0)
        scored = [
            (score * (weight if rarity <= answered else 1), share, location, covers)
            for score, share, location, covers, rarity, weight in found
        ]
        scored.sort(key=lambda item: -item[0])
        self.not_covered = max((item[3] for item in scored), default=0) < COVERED_SHARE
        self.complete = {location.split("#")[0] for _, share, location, _ in scored if share == 1}
        pages: dict[str, list[str]] = {}
        for _, _, location, _ in scored:
            pages.setdefault(location.split("#")[0], []).append(location)
        return [Result(page, locations) for page, locations in pages.items()]

    def pages_with_every_word(self, query: str) -> set[str]:
        """The pages with a section that has every word of `query` (in its text, title or synonyms)."""
        self.search(query)
        return self.complete

    def clauses(self, query: str) -> list[_Clause]:
        """The query's words as index terms, typed words first, then the words a question's opening adds."""
        lower = query.lower()
        capitals = {w.lower() for w in self.separator.split(query) if len(w) > 1 and w.isupper()}
        content = [word for word in self._words(lower) if stop_word_filter(Token(word)) is not None]
        clauses = [
            _Clause(word, *self._index_term(word, word in capitals, last=at == len(content) - 1))
            for at, word in enumerate(content)
        ]
        for says, means in self.questions:
            if not any(pattern.search(lower) for pattern in says):
                continue
            for word in self._words(" ".join(means)):
                term = self._stem(word)
                if stop_word_filter(Token(word)) is not None and term in self.index.inverted_index:
                    clauses.append(_Clause(word, term, False, False, QUESTION_BOOST, typed=False))
        return clauses

    def _words(self, text: str) -> list[str]:
        return [w for w in (str(trimmer(Token(word))) for word in self.separator.split(text)) if w]

    def _stem(self, word: str) -> str:
        return self.unstemmed.get(word) or str(stemmer(Token(word)))

    def _index_term(self, word: str, abbreviation: bool, last: bool) -> tuple[str, bool, bool]:
        stem = self._stem(word)
        if abbreviation or len(stem) < SHORTEST_PREFIX or (not last and stem in self.index.inverted_index):
            return stem, False, False
        if stem not in self.index.inverted_index:
            for end in range(len(stem) - 1, max(SHORTEST_PREFIX + 2, -(-len(stem) * 6 // 10)) - 1, -1):
                if stem[:end] in self.index.inverted_index:
                    return stem[:end], True, False
        if self._starts_any(stem):
            return stem, True, False
        near = [term for term in self.terms if abs(len(term) - len(stem)) <= 1 and _one_edit_apart(term, stem)]
        return max(near, key=self._sections, default=stem), True, True

    def _rarity(self, clause: _Clause) -> float:
        """How much a word says what the query is about: lunr's inverse document frequency of its term (of the
        commonest term a prefix matches), so "child" or "duty", in most sections, weighs little beside "county" or
        "grooming"; a question's verbs ("goes", "happens") nothing."""
        if clause.word in QUESTION_WORDS:
            return 0.0
        if clause.prefix:
            at = bisect.bisect_left(self.terms, clause.term)
            sections = [self._sections(t) for t in self.terms[at : at + RARITY_PREFIXES] if t.startswith(clause.term)]
            found = max(sections, default=0)
        else:
            found = self._sections(clause.term) if clause.term in self.index.inverted_index else 0
        return math.log(1 + (len(self.docs) - found + 0.5) / (found + 0.5))

    def _starts_any(self, prefix: str) -> bool:
        at = bisect.bisect_left(self.terms, prefix)
        return at < len(self.terms) and self.terms[at].startswith(prefix)

    def _sections(self, term: str) -> int:
        posting = self.index.inverted_index[term]
        return sum(len(refs) for field, refs in posting.items() if field != "_index")


def _has(clause: _Clause, term: str) -> bool:
    return term.startswith(clause.term) if clause.prefix else term == clause.term


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    x, y = a[i:], b[i:]
    return x[1:] == y[1:] or x[1:] == y or x == y[1:] or (x[:1] == y[1:2] and x[1:2] == y[:1] and x[2:] == y[2:])
