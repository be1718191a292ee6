"""Material for MkDocs' in-browser search, mirrored in Python with the `lunr` package, for search-quality tests.

What it mirrors (mkdocs-material 9.8.1, `integrations/search` in its TypeScript sources):
- the index: `ref("location")`, the fields and boosts from the index's `config.fields`, `b(0)` (no length
  normalisation), each document's `boost` (front matter `search: boost:`), only the pipeline functions the
  config names, and Material's tokenizer: HTML tags skipped, text split on every match of `config.separator`;
- the query: split at whitespace, a trailing wildcard on every term (so no pipeline runs on query terms), then
  Material's post-query boost `score * (1 + boost**2)`, where boost is 1 for a page's first section plus the
  share of query terms found, and results grouped by page in the order of their best section.

It also mirrors our search worker (`assets/search-worker.js`), which rewrites each query before Material reads it
(`normalise` below: stop words dropped, words stemmed, short stems exact, unknown words to the nearest index term).

Where it differs: lunr.py's query lexer splits query terms on whitespace and hyphens only, not on the configured
separator, so queries here are plain words; and Material's highlighting and suggestions are not mirrored.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from pathlib import Path

from lunr.builder import Builder
from lunr.index import Index
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer

_TAG = re.compile(r"<[^>]*>")
_PIPELINE = {"stopWordFilter": stop_word_filter, "trimmer": trimmer, "stemmer": stemmer}
_SYNTAX = re.compile(r'(^|\s)[+-]|["*~^:]')
SHORTEST_PREFIX = 3


@dataclass
class Result:
    """One page in the result list, with the locations (page and sections) that matched."""

    page: str
    locations: list[str]


class MaterialSearch:
    """A lunr index built from `search/search_index.json` the way Material's search worker builds it."""

    def __init__(self, index_file: Path) -> None:
        data = json.loads(index_file.read_text(encoding="utf-8"))
        config = data["config"]
        self.separator = re.compile(config["separator"])
        self.articles = {doc["location"].split("#")[0] for doc in data["docs"]}
        builder = Builder()
        builder.pipeline.reset()
        for name in config["pipeline"]:
            builder.pipeline.add(_PIPELINE[name])
        builder.search_pipeline.reset()
        if "stemmer" in config["pipeline"]:
            builder.search_pipeline.add(stemmer)
        builder.ref("location")
        for name, spec in config["fields"].items():
            # lunr.py's Builder always calls its own tokenizer, which keeps a list's items whole: so the extractor
            # hands it Material's tokens. A document without the field (most have no tags) indexes nothing there.
            builder.field(name, boost=spec.get("boost", 1), extractor=lambda doc, name=name: self._words(doc.get(name)))
        builder.b(0)
        for doc in data["docs"]:
            builder.add(doc, {"boost": doc.get("boost", 1)})
        self.index: Index = builder.build()
        self.terms = sorted(self.index.inverted_index)

    def _words(self, value: str | list[str] | None) -> list[str] | None:
        """Material's tokenizer: text outside HTML tags, split on every match of the configured separator."""
        if value is None:
            return None
        words = []
        for item in value if isinstance(value, list) else [value]:
            text = _TAG.sub(" ", str(item))
            start = 0
            for match in [*self.separator.finditer(text), None]:
                until = match.start() if match else len(text)
                if start < until:
                    words.append(text[start:until].lower())
                if match:
                    start = match.end()
        return words

    def search(self, query: str) -> list[Result]:
        """Pages in the order Material lists them for `query` (words in quotes are all required, as there)."""
        transformed = transform(self.normalise(query))
        if not transformed:
            return []
        words = [
            re.sub(r"[~^]\d+$", "", word.lstrip("+").rstrip("*"))
            for word in transformed.split()
            if not word.startswith("-")
        ]
        scored = []
        for hit in self.index.search(transformed):
            matched_terms = list(hit["match_data"].metadata)
            found = {word for word in words if any(term.startswith(word) for term in matched_terms)}
            counted = found | {word for word in words if stop_word_filter(Token(word)) is not None}
            is_page = hit["ref"] in self.articles
            boost = int(is_page) + (len(found) / len(counted) if counted else 0)
            scored.append((hit["score"] * (1 + boost**2), hit["ref"]))
        scored.sort(key=lambda pair: -pair[0])
        pages: dict[str, list[str]] = {}
        for _, location in scored:
            pages.setdefault(location.split("#")[0], []).append(location)
        return [Result(page, locations) for page, locations in pages.items()]

    def normalise(self, query: str) -> str:
        """Our search worker's rewrite of a query into the index's terms (see assets/search-worker.js)."""
        if _SYNTAX.search(query):
            return query
        words = [str(trimmer(Token(word))) for word in self.separator.split(query.lower())]
        words = [word for word in words if word]
        capitals = {w.lower() for w in self.separator.split(query) if len(w) > 1 and w.isupper()}
        content = [word for word in words if stop_word_filter(Token(word)) is not None]
        kept = content or words
        return " ".join(
            self._index_term(word, word in capitals, last=at == len(kept) - 1) for at, word in enumerate(kept)
        )

    def _index_term(self, word: str, abbreviation: bool, last: bool = True) -> str:
        stem = str(stemmer(Token(word)))
        if abbreviation or len(stem) < SHORTEST_PREFIX or (not last and stem in self.index.inverted_index):
            return f"{stem}^1"
        if self._starts_any(stem):
            return stem
        for end in range(len(stem) - 1, max(SHORTEST_PREFIX + 2, -(-len(stem) * 6 // 10)) - 1, -1):
            if stem[:end] in self.index.inverted_index:
                return stem[:end]
        near = [term for term in self.terms if abs(len(term) - len(stem)) <= 1 and _one_edit_apart(term, stem)]
        return max(near, key=self._sections, default=stem)

    def _starts_any(self, prefix: str) -> bool:
        at = bisect.bisect_left(self.terms, prefix)
        return at < len(self.terms) and self.terms[at].startswith(prefix)

    def _sections(self, term: str) -> int:
        posting = self.index.inverted_index[term]
        return sum(len(refs) for field, refs in posting.items() if field != "_index")


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    x, y = a[i:], b[i:]
    return x[1:] == y[1:] or x[1:] == y or x == y[1:] or (x[:1] == y[1:2] and x[1:2] == y[:1] and x[2:] == y[2:])


def transform(query: str) -> str:
    """Material's query transform: quoted words become required (+word), every other word gets a trailing *."""
    parts = re.split(r'"([^"]+)"', query.strip())
    query = "".join(
        re.sub(r"^\b|^(?![^\x00-\x7F]|$)|\s+", " +", part) if index % 2 else part for index, part in enumerate(parts)
    )
    query = re.sub(r'"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)', "", query)
    terms = [term for term in re.split(r"\s+", query) if term]
    terms = [f"{term}1" if re.search(r"[~^]$", term) else term for term in terms]
    return " ".join(term if re.search(r"(^[+-]|[~^]\d+$)", term) else f"{term}*" for term in terms).lower()
