"""The corpus as open data: /data/provisions.json and one file per provision, valid against the published schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT
from working_together.load import load_corpus
from working_together.model import CROSS_REFERENCE, EDITORIAL_NOTE
from working_together.render.corpus_json import corpus_document, provision_document


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_data_validates_against_its_published_schema(site: Path) -> None:
    """provisions.json validates against /data/provisions.schema.json, each provision file against its provision."""
    schema = _json(site / "data/provisions.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(_json(site / "data/provisions.json"))
    one = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/provision"})
    files = sorted((site / "data/provisions").glob("*.json"))
    assert len(files) == len(_json(site / "data/provisions.json")["provisions"]) > 80
    for path in files:
        one.validate(_json(path))


def test_the_schema_rejects_what_it_should() -> None:
    """The schema is strict: a strength outside the four, or a placement without a number, is invalid."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    schema = json.loads((PROJECT / "plugins/working_together/schema/provisions-data.schema.json").read_text())
    validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/provision"})
    record = provision_document(corpus, corpus.provisions["scr-when-held"])
    validator.validate(record)
    record["versions"][0]["strength"] = "Must"
    assert not validator.is_valid(record)
    record = provision_document(corpus, corpus.provisions["scr-when-held"])
    del record["editions"][0]["number"]
    assert not validator.is_valid(record)


def test_every_provision_in_the_data_matches_its_pages(site: Path) -> None:
    """In each edition: number, strength and wording (or 'not described', 'withdrawn') as the pages show them."""
    document = _json(site / "data/provisions.json")
    assert document["current_edition"] == "2015"
    for record in document["provisions"]:
        assert _json(site / f"data/provisions/{record['id']}.json") == record
        permanent = BeautifulSoup((site / record["page"] / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert permanent.find("h1").get_text() == record["title"]
        versions = {version["edition"]: version for version in record["versions"]}
        for row in record["editions"]:
            heading = permanent.find(id=f"edition-{row['edition']}")
            if row["status"] == "withdrawn":
                assert heading is None or heading.get_text().endswith("withdrawn")
                continue
            if row["status"] == "not described":
                assert heading.get_text().endswith("not described")
                continue
            number = row["number"] or EDITORIAL_NOTE  # a note of ours takes no number
            assert heading.get_text().endswith(f": {number}")
            version = versions[row["version"]]
            assert row["strength"] == version["strength"]
            chapter = site / f"editions/{row['edition']}/chapter-{row['chapter']}/index.html"
            block = BeautifulSoup(chapter.read_text(encoding="utf-8"), "html.parser").find(id=record["id"])
            assert block.get_text().startswith(f"{number}{':' if row['number'] is None else ''} {record['title']}")
            provision = block.find_parent("div", class_="wt-provision")
            assert f"wt-provision--{version['strength']}" in provision["class"]
            shown = _words(provision.get_text())
            for words in CROSS_REFERENCE.split(version["text"])[::2]:  # the text between cross-references
                assert _words(words).strip(" ().") in shown, (record["id"], row["edition"])


def test_not_described_markers_and_grades_are_in_the_data() -> None:
    """A provision the sources do not describe in an edition says so with the reason; amendments carry their grade."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    document = corpus_document(corpus)
    records = {record["id"]: record for record in document["provisions"]}
    rows = {row["edition"]: row for row in records["child-seen-alone"]["editions"]}
    assert rows["2010"]["status"] == "placed" and rows["2013"]["status"] == "not described"
    assert re.search(r"Carlile", rows["2013"]["reason"])
    grades = {v["edition"]: v["change"] for v in records["scr-when-held"]["versions"]}
    assert grades == {"2010": None, "2013": "changed-practice", "2015": "clarification"}


@pytest.mark.parametrize("name", ["provisions.json", "provisions.schema.json", "provisions/early-help.json"])
def test_the_data_files_are_utf8_json_under_data(site: Path, name: str) -> None:
    """The files sit where the README says, and parse as JSON."""
    assert isinstance(_json(site / "data" / name), dict)


def test_current_means_the_latest_edition_in_these_sources_not_in_force() -> None:
    """The data says what 'current' means and that 2015 was replaced; a provision the latest edition does not
    place has no current strength, so no one reads it as a current Should."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    document = corpus_document(corpus)
    assert document["currency"]["current_means"] == "the latest edition in these sources"
    assert "2018 and again in 2023" in document["currency"]["replaced"]
    records = {record["id"]: record for record in document["provisions"]}
    assert records["adult-services-referral"]["current"] == {"edition": "2015", "placed": False, "strength": None}
    schema = json.loads((PROJECT / "plugins/working_together/schema/provisions-data.schema.json").read_text())
    assert "not the guidance in force" in schema["properties"]["current_edition"]["description"]
