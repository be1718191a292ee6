"""The lean index builder writes exactly the index lunr's own Builder writes from the same finished terms."""

from __future__ import annotations

import re

import pytest
from conftest import PROJECT
from lunr.builder import Builder
from working_together.load.corpus import load_corpus
from working_together.publish.search_builder import TermBuilder

CORPUS, _ = load_corpus(PROJECT / "guidance", PROJECT)
FIELDS = {"title": 10, "text": 1, "keywords": 1}


def documents() -> list[dict]:
    """Every provision version of the real guidance as a search document, words as finished terms."""
    docs = []
    for provision in CORPUS.provisions.values():
        for version in provision.versions:
            docs.append(
                {
                    "ref": f"{provision.id}-{version.edition}",
                    "title": re.findall(r"\w+", provision.title.lower()),
                    "text": re.findall(r"\w+", (version.text or "").lower()),
                    "keywords": None if len(docs) % 3 else ["dsl", "lado", "dsl"],
                }
            )
    return docs


def built(builder: Builder) -> dict:
    """The serialised index `builder` makes of every document, configured as publish/search_index.py does."""
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("ref")
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost, extractor=lambda doc, name=name: doc[name])
    for number, doc in enumerate(documents()):
        builder.add(doc, {"boost": 1 + number % 4})
    return builder.build().serialize()


def test_the_lean_builder_writes_the_index_lunr_writes() -> None:
    """Same postings, field vectors and token set as lunr's Builder, which makes a Token for every word."""
    assert len(documents()) > 100
    assert built(TermBuilder()) == built(Builder())


def test_the_lean_builder_refuses_a_pipeline_it_would_skip() -> None:
    """It takes finished terms only: a builder with a pipeline left on says so instead of skipping it."""
    builder = TermBuilder()
    builder.ref("ref")
    builder.field("title", extractor=lambda doc: doc["title"])
    builder.pipeline.add(lambda token, i, tokens: token)
    with pytest.raises(ValueError, match="finished terms"):
        builder.add({"ref": "1", "title": ["a"]})
