"""The search index, finished at build time: titles that name their edition, snippets that show what each page
says, and a lunr index built here (with the `lunr` package) so the browser loads it instead of building it.

How results are ranked (assets/search-worker.js scores with this index):
- each word's weight is BM25: rarer words weigh more (inverse document frequency), repeats count less and less,
  and a long section's words count less than a short one's, so a distinctive word in the text outranks a common
  word in a title (a title word counts TITLE_BOOST times a text word, not Material's 1000 times);
- a section that has every word of the query ranks above one that has some (the worker multiplies by the share);
- each kind of page has a weight (KIND_WEIGHT, written as each entry's `weight`): provisions, trees, chapters and
  role pages above the glossary and the source documents that say the same words; a replaced edition's page that a
  later edition has too weighs less. The worker applies a weight only among pages answering the same distinctive
  words, so a page that alone has them is not buried.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from lunr.pipeline import Pipeline
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer

from ..model import Corpus
from .search_builder import TermBuilder
from .search_words import FIELD, SearchWords

TITLE_BOOST = 10
TEXT_BOOST = 1
KEYWORDS_BOOST = 1  # words that mean the same to a searcher (search-synonyms.yml, the glossary)
K1 = 1.2
B = 0.75
# Multiplied with the page's own boost (search.py's front matter: sources 0.3, listings 0.5).
# The glossary repeats each abbreviation in a title; a source document (one long verbatim section) says
# every word the guidance does, and more often; the pages about this website name abbreviations as examples.
# All rank below the guidance that answers the same words.
KIND_WEIGHT = {"glossary/": 0.1, "sources/": 0.25, "about/": 0.3, "accessibility/": 0.3}
REPLACED_WEIGHT = 0.6  # a replaced edition's chapter, below the latest edition's page of the same title
SNIPPET = 220  # characters of a page's own words in a result: two lines on a phone
# Text every provision page carries: it says how to link, not what the provision says.
BOILERPLATE = re.compile(r"<p>Permanent page of provision .*?</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_EDITION_PAGE = re.compile(r"^editions/([^/]+)/")


def prebuilt_index(index: dict, corpus: Corpus, words: SearchWords) -> dict:
    """Material's written index with edition titles, snippets and a prebuilt lunr index in its config."""
    docs = index["docs"]
    latest = corpus.current_edition.id
    trees = {f"trees/{tree.id}/": tree.edition for tree in corpus.trees.values()}
    editions = [edition.id for edition in corpus.editions]
    later = _in_later_editions(docs, trees, editions)
    for doc in docs:
        doc["text"] = BOILERPLATE.sub("", doc.get("text", ""))
        edition = _edition_of(doc["location"], trees)
        if edition and "#" not in doc["location"] and edition not in doc["title"]:
            doc["title"] = (
                f"{doc['title']} — {edition}, {'latest in these sources' if edition == latest else 'replaced'}"
            )
        replaced = edition is not None and edition != latest and _same(doc, edition) in later[edition]
        doc["boost"] = round(doc.get("boost", 1) * _weight(doc["location"], replaced), 3)
    config = index["config"]
    separator = re.compile(config["separator"])
    term = _Terms(stem_with(words.unstemmed))
    builder = TermBuilder()  # lunr's Builder, fed the finished terms `_Terms` makes
    builder.pipeline.reset()  # the extractor hands lunr finished terms (`_Terms`), each word processed once
    builder.search_pipeline.reset()
    # A section's number in `docs`, not its location: the index names each section once per term and field,
    # and numbers make it a third of the size.
    builder.ref("ref")
    builder.b(B)
    builder.k1(K1)
    boosts = {"title": TITLE_BOOST, "text": TEXT_BOOST, FIELD: KEYWORDS_BOOST}
    for name, boost in boosts.items():
        builder.field(name, boost=boost, extractor=lambda doc, name=name: term.all(_words(doc.get(name), separator)))
    for number, doc in enumerate(docs):
        builder.add({**doc, "ref": str(number)})  # the page's weight is the worker's to apply (`weight`)
    config["prebuilt"] = packed(builder.build().serialize())
    config.pop("fields", None)  # Material's worker's; ours reads the fields from the prebuilt index
    config["questions"] = [{"says": list(says), "means": list(means)} for says, means in words.questions]
    config["unstemmed"] = words.unstemmed
    index["docs"] = [_shown(doc, docs) for doc in docs]
    return index


def packed(index: dict) -> dict:
    """lunr's serialized index in a third of the bytes: each term's sections as lists of numbers (not objects keyed
    by number), the term's place in the sorted list as its vector index, written as the gap from the one before,
    and weights to three decimals.
    `unpacked` (and the worker's) turn it back into what `lunr.Index.load` reads."""
    fields = index["fields"]
    place = {posting["_index"]: at for at, (_, posting) in enumerate(index["invertedIndex"])}
    vectors = []
    for ref, vector in index["fieldVectors"]:
        pairs = sorted((place[vector[i]], round(vector[i + 1], 3)) for i in range(0, len(vector), 2))
        gaps = [at - before for at, before in zip([at for at, _ in pairs], [0] + [at for at, _ in pairs], strict=False)]
        vectors.append([ref, [x for gap, (_, weight) in zip(gaps, pairs, strict=True) for x in (gap, weight)]])
    terms = [[term, *([int(ref) for ref in posting[f]] for f in fields)] for term, posting in index["invertedIndex"]]
    return {"version": index["version"], "fields": fields, "fieldVectors": vectors, "terms": terms}


def unpacked(index: dict) -> dict:
    """The serialized lunr index that `packed` wrote."""
    fields = index["fields"]
    inverted = [
        [term, {"_index": at, **{f: {str(ref): {} for ref in refs} for f, refs in zip(fields, rest, strict=True)}}]
        for at, (term, *rest) in enumerate(index["terms"])
    ]
    vectors = []
    for ref, vector in index["fieldVectors"]:
        at, full = 0, []
        for i in range(0, len(vector), 2):
            at += vector[i]
            full += [at, vector[i + 1]]
        vectors.append([ref, full])
    return {
        "version": index["version"],
        "fields": fields,
        "fieldVectors": vectors,
        "invertedIndex": inverted,
        "pipeline": [],
    }


def stem_with(unstemmed: dict[str, str]) -> Callable:
    """lunr's English stemmer, except for the words it would merge with a different word."""

    def stem(token: Token, i: int | None = None, tokens: list | None = None) -> Token:
        word = str(token)
        if word in unstemmed:
            return token.update(lambda _s, _m: unstemmed[word])
        return stemmer(token)

    Pipeline.register_function(stem, "workingTogetherStemmer")
    return stem


class _Terms:
    """lunr's pipeline (trimmer, stop word filter, stemmer) for each distinct word once: the index has a quarter of
    a million words but ten thousand distinct ones, and lunr.py would run the pipeline on every one."""

    def __init__(self, stem: Callable) -> None:
        self.stem = stem
        self.known: dict[str, str | None] = {}

    def all(self, words: list[str] | None) -> list[str] | None:
        if words is None:
            return None
        return [found for found in map(self.term, words) if found]

    def term(self, word: str) -> str | None:
        if word not in self.known:
            token = trimmer(Token(word))
            token = stop_word_filter(token) if str(token) else None
            self.known[word] = str(self.stem(token)) if token is not None else None
        return self.known[word]


def _edition_of(location: str, trees: dict[str, str]) -> str | None:
    """The edition a chapter or tree page belongs to; None for pages of every edition (provisions, glossary)."""
    found = _EDITION_PAGE.match(location)
    if found:
        return found.group(1)
    return trees.get(location.split("#")[0])


def _weight(location: str, replaced: bool) -> float:
    weight = next((w for prefix, w in KIND_WEIGHT.items() if location.startswith(prefix)), 1.0)
    return weight * (REPLACED_WEIGHT if replaced else 1.0)


def _same(doc: dict, edition: str) -> str:
    """What a later edition's page would share with this one: a section's anchor (a provision's id), a page's title."""
    location = doc["location"]
    return "#" + location.split("#", 1)[1] if "#" in location else doc["title"].split(" — ")[0]


def _in_later_editions(docs: list[dict], trees: dict[str, str], editions: list[str]) -> dict[str, set[str]]:
    """For each edition, the anchors and titles that a later edition's pages have too: only those pages of a
    replaced edition rank below the latest (a provision placed only in 2010 is not buried under unrelated pages)."""
    keys: dict[str, set[str]] = {edition: set() for edition in editions}
    for doc in docs:
        edition = _edition_of(doc["location"], trees)
        if edition in keys:
            keys[edition].add(_same(doc, edition))
    later: dict[str, set[str]] = {}
    for at, edition in enumerate(editions):
        later[edition] = set().union(*(keys[e] for e in editions[at + 1 :])) if at + 1 < len(editions) else set()
    return later


def _words(value: str | list[str] | None, separator: re.Pattern[str]) -> list[str] | None:
    """Material's tokenizer: the text outside HTML tags, lower case, split at the configured separator."""
    if value is None:
        return None
    text = html.unescape(_TAG.sub(" ", " ".join(value) if isinstance(value, list) else str(value)))
    return [word for word in separator.split(text.lower()) if word]


def _shown(doc: dict, docs: list[dict]) -> dict:
    """What a result shows: the title, and a snippet of the page's own words (its latest words, for a provision)."""
    text = _plain(doc["text"])
    if not text and doc["location"].startswith("provisions/") and "#" not in doc["location"]:
        text = _latest_words(doc["location"], docs)
    shown = {"location": doc["location"], "title": doc["title"], "text": html.escape(_shortened(text), quote=False)}
    if doc["boost"] != 1:
        shown["weight"] = doc["boost"]
    return {**shown, **({"tags": doc["tags"]} if doc.get("tags") else {})}


def _latest_words(page: str, docs: list[dict]) -> str:
    """A provision page's words from its newest edition that describes it."""
    described = [
        d for d in docs if d["location"].startswith(page + "#edition-") and not d["title"].endswith("not described")
    ]
    newest = max(described, key=lambda d: d["location"], default=None)
    return _plain(newest["text"]) if newest else ""


def _plain(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def _shortened(text: str) -> str:
    if len(text) <= SNIPPET:
        return text
    return text[: text.rfind(" ", 0, SNIPPET)] + " …"
