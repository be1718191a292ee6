"""Material for MkDocs' in-browser search, mirrored in Python with the `lunr` package, for search-quality tests.

What it mirrors (mkdocs-material 9.8.1, `integrations/search` in its TypeScript sources):
- the index: `ref("location")`, the fields and boosts from the index's `config.fields`, `b(0)` (no length
  normalisation), each document's `boost` (front matter `search: boost:`), only the pipeline functions the
  config names, and Material's tokenizer: HTML tags skipped, text split on every match of `config.separator`;
- the query: split at whitespace, a trailing wildcard on every term (so no pipeline runs on query terms), then
  Material's post-query boost `score * (1 + boost**2)`, where boost is 1 for a page's first section plus the
  share of query terms found, and results grouped by page in the order of their best section.

Where it differs: lunr.py's query lexer splits query terms on whitespace and hyphens only, not on the configured
separator, so queries here are plain words; and Material's highlighting and suggestions are not mirrored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from lunr.builder import Builder
from lunr.index import Index
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer

_TAG = re.compile(r"<[^>]*>")
_PIPELINE = {"stopWordFilter": stop_word_filter, "trimmer": trimmer}  # Material's English set has no stemmer here


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
        for name in config["pipeline"]:
            if name == "stemmer":
                raise NotImplementedError("the site's search config uses a stemmer; mirror it here first")
            builder.pipeline.add(_PIPELINE[name])
        builder.ref("location")
        for name, spec in config["fields"].items():
            # lunr.py's Builder always calls its own tokenizer, which keeps a list's items whole: so the extractor
            # hands it Material's tokens. A document without the field (most have no tags) indexes nothing there.
            builder.field(name, boost=spec.get("boost", 1), extractor=lambda doc, name=name: self._words(doc.get(name)))
        builder.b(0)
        for doc in data["docs"]:
            builder.add(doc, {"boost": doc.get("boost", 1)})
        self.index: Index = builder.build()

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
        transformed = transform(query)
        if not transformed:
            return []
        words = [word.lstrip("+").rstrip("*") for word in transformed.split() if not word.startswith("-")]
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
