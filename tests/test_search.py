"""Search quality on the built index: what practitioners type finds the right page in the first five results."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import PROJECT
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from material_search import MaterialSearch, Result
from working_together.load import load_corpus

CORPUS, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
RANK = 5  # a phone shows about five results without scrolling
RECALL_FLOOR = 0.9


def provision(provision_id: str) -> tuple[str, ...]:
    """A provision is found if its permanent page or its block on any chapter page is among the results."""
    return (f"provisions/{provision_id}/", f"#{provision_id}")


def tree(tree_id: str) -> tuple[str, ...]:
    """A decision tree's page."""
    return (f"trees/{tree_id}/",)


def source(source_id: str) -> tuple[str, ...]:
    """A source document's page."""
    return (f"sources/{source_id}/",)


# (what a practitioner types, the pages that answer it). Several targets mean any one of them will do.
QUERIES: list[tuple[str, tuple[str, ...]]] = [
    ("LADO", provision("designated-officer-qualifications")),
    ("designated officer", provision("designated-officer-qualifications")),
    ("local authority designated officer", provision("allegations-coordinated-with-child-concerns")),
    ("allegation against a teacher", tree("allegation-against-someone-who-works-with-children")),
    ("allegations against staff", provision("allegations-coordinated-with-child-concerns")),
    ("notify Ofsted", provision("notify-serious-incidents")),
    ("serious incident notification five working days", provision("notify-serious-incidents")),
    ("child seen alone", provision("child-seen-alone")),
    ("strategy discussion", provision("conference-within-15-working-days")),
    ("child protection conference", provision("conference-within-15-working-days")),
    ("threshold document", provision("threshold-document")),
    ("lay members", provision("lscb-lay-members")),
    ("initial assessment timescale", provision("assessment-timescale")),
    ("assessment 45 working days", provision("assessment-timescale")),
    ("referral decision one working day", provision("referral-decision-one-working-day")),
    ("serious case review", tree("deciding-on-a-serious-case-review") + provision("scr-when-held")),
    ("SCR", provision("scr-when-held")),
    ("when is a serious case review held", provision("scr-when-held")),
    ("publishing serious case reviews", provision("scr-publication")),
    ("SCR executive summary", provision("scr-executive-summary-contents")),
    ("national panel of independent experts", provision("scr-national-panel")),
    ("seriously harmed", provision("seriously-harmed-definition")),
    ("child death", tree("child-death") + provision("child-death-overview-panel")),
    ("CDOP", provision("child-death-overview-panel")),
    ("child death overview panel", provision("child-death-overview-panel")),
    ("unexpected death of a child", provision("unexpected-child-death-definition")),
    ("modifiable death", provision("preventable-child-death")),
    ("private fostering", source("laming-2009")),
    ("what to do if worried", tree("worried-about-a-child")),
    ("worried about a child", tree("worried-about-a-child")),
    ("child in immediate danger", provision("immediate-danger-call-999")),
    ("adult services worried about a parent", tree("adult-services-worried-about-a-parent")),
    ("LSCB annual report", provision("lscb-annual-report")),
    ("local safeguarding children board annual report", provision("lscb-annual-report")),
    ("LSCB chair", provision("lscb-chair")),
    ("whistleblowing", provision("whistleblowing-policies")),
    ("information sharing", provision("information-sharing")),
    ("section 11 duty", provision("section-11-duty")),
    ("supervision", provision("supervision")),
    ("multi-agency training", provision("multi-agency-training")),
    ("common assessment framework", provision("common-assessment-framework")),
    ("CAF", provision("common-assessment-framework")),
    ("MAPPA", provision("managing-people-who-pose-a-risk")),
    ("MARAC domestic abuse", provision("managing-people-who-pose-a-risk")),
    ("young carers", provision("young-carers-and-parent-carers")),
    ("trafficking", provision("child-trafficking")),
    ("special educational needs", provision("special-educational-needs")),
    ("returning home from care", provision("children-returning-home-from-care")),
    ("foreign national children", provision("foreign-national-children")),
    ("Channel panel", provision("channel-panels")),
    ("housing", provision("housing-authorities")),
    ("early help", provision("early-help")),
    ("feedback to the referrer", provision("feedback-to-referrer")),
    ("professional disagreement", provision("lscb-resolving-professional-disagreements")),
    ("probation", provision("probation-responsibilities")),
    ("Director of Children's Services", provision("dcs-senior-manager-with-safeguarding-experience")),
]


@cache
def search_engine(index_file: Path) -> MaterialSearch:
    return MaterialSearch(index_file)


def found(results: list[Result], targets: tuple[str, ...]) -> bool:
    """Whether any of the results is one of the target pages or holds one of the target anchors."""
    for result in results:
        for target in targets:
            if result.page == target or (target.startswith("#") and any(x.endswith(target) for x in result.locations)):
                return True
    return False


def recall_at(engine: MaterialSearch, rank: int = RANK) -> float:
    """The share of the queries whose answer is among the first `rank` pages of results."""
    hits = sum(found(engine.search(query)[:rank], targets) for query, targets in QUERIES)
    return hits / len(QUERIES)


def test_the_query_table_is_large_and_every_target_exists(site: Path) -> None:
    """At least 30 realistic queries, each naming pages that the built site really has."""
    assert len(QUERIES) >= 30
    pages = {doc["location"].split("#")[0] for doc in _index(site)["docs"]}
    anchors = {"#" + doc["location"].split("#")[1] for doc in _index(site)["docs"] if "#" in doc["location"]}
    for query, targets in QUERIES:
        assert any(target in pages or target in anchors for target in targets), query


def test_recall_at_five_is_at_least_ninety_percent(site: Path) -> None:
    """Over the whole table, the expected page is in the first five results for at least 90% of queries."""
    engine = search_engine(site / "search" / "search_index.json")
    misses = [query for query, targets in QUERIES if not found(engine.search(query)[:RANK], targets)]
    recall = 1 - len(misses) / len(QUERIES)
    print(f"recall@{RANK} = {recall:.3f} over {len(QUERIES)} queries; missed: {misses}")
    assert recall >= RECALL_FLOOR, misses


@pytest.mark.parametrize(
    ("query", "targets"), [q for q in QUERIES if q[0] in ("LADO", "notify Ofsted", "child seen alone")]
)
def test_a_miss_is_detected(site: Path, query: str, targets: tuple[str, ...]) -> None:
    """The measure can fail: a query for words no page holds finds none of the expected pages."""
    engine = search_engine(site / "search" / "search_index.json")
    assert found(engine.search(query)[:RANK], targets)
    assert not found(engine.search("zzzunknownword")[:RANK], targets)


def _index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_every_provision_page_is_indexed_though_not_in_the_nav(site: Path) -> None:
    """Permanent provision pages are `not_in_nav`, yet each is in the search index with its title."""
    documents = {doc["location"]: doc for doc in _index(site)["docs"]}
    for provision_id, item in CORPUS.provisions.items():
        assert documents[f"provisions/{provision_id}/"]["title"] == item.title


@pytest.mark.parametrize(
    "page",
    ["glossary/", "trees/", "sources/", *[f"trees/{tree_id}/" for tree_id in CORPUS.trees]]
    + [f"sources/{source_id}/" for source_id in CORPUS.sources]
    + [f"editions/{e.id}/chapter-{c.number}/" for e in CORPUS.editions for c in e.chapters],
)
def test_chapters_glossary_trees_and_sources_are_indexed(site: Path, page: str) -> None:
    """Every chapter, tree and source page, the glossary and the indexes are searchable."""
    assert page in {doc["location"].split("#")[0] for doc in _index(site)["docs"]}


def _abbreviations_used_by_provisions() -> list[str]:
    used = {term for provision in CORPUS.provisions.values() for term in provision.terms}
    return sorted(term_id for term_id in used if CORPUS.terms[term_id].expansion)


@pytest.mark.parametrize("term_id", _abbreviations_used_by_provisions())
def test_an_abbreviation_and_its_expansion_find_the_same_provisions(site: Path, term_id: str) -> None:
    """Searching "LADO" lists exactly the provisions whose indexed text says "local authority designated officer"."""
    term = CORPUS.terms[term_id]
    engine = search_engine(site / "search" / "search_index.json")

    def provisions(query: str) -> set[str]:
        return {result.page for result in engine.search(query) if re.fullmatch(r"provisions/[^/]+/", result.page)}

    # lunr has no phrase search: the expansion's words, all required, stand in for the phrase, and the phrase
    # itself is looked for in the indexed text. Stop words are not in the index, and lunr matches nothing for a
    # required stop word, so they are left out of the query.
    words = " ".join(word for word in re.findall(r"[\w']+", term.expansion) if stop_word_filter(Token(word.lower())))
    by_abbreviation = provisions(f'"{term.term}"')
    assert by_abbreviation, term.term
    assert by_abbreviation == _pages_saying(site, term.expansion)
    assert by_abbreviation <= provisions(f'"{words}"')


def _pages_saying(site: Path, phrase: str) -> set[str]:
    """Provision pages whose indexed title or text contains the phrase, in any case."""
    pages = set()
    for doc in _index(site)["docs"]:
        page = doc["location"].split("#")[0]
        text = " ".join(re.sub(r"<[^>]*>", " ", f"{doc['title']} {doc['text']}").split())
        if re.fullmatch(r"provisions/[^/]+/", page) and phrase.lower() in text.lower():
            pages.add(page)
    return pages
