"""Search quality on the built index: what practitioners type finds the right page in the first five results."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import PROJECT
from lunr.index import Index
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from material_search import MaterialSearch, Result
from search_queries import NATURAL_QUERIES
from working_together.load import load_corpus
from working_together.publish.search import PAGE_SETTINGS
from working_together.publish.search_index import packed, unpacked

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
    # The role page is the local authority designated officer's own page: an answer as good as the provision.
    ("LADO", provision("designated-officer-qualifications") + ("roles/designated-officer/",)),
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
    engine = search_engine(site / "search" / "prebuilt_index.json")
    misses = [query for query, targets in QUERIES if not found(engine.search(query)[:RANK], targets)]
    recall = 1 - len(misses) / len(QUERIES)
    print(f"recall@{RANK} = {recall:.3f} over {len(QUERIES)} queries; missed: {misses}")
    assert recall >= RECALL_FLOOR, misses


@pytest.mark.parametrize(
    ("query", "targets"), [q for q in QUERIES if q[0] in ("LADO", "notify Ofsted", "child seen alone")]
)
def test_a_miss_is_detected(site: Path, query: str, targets: tuple[str, ...]) -> None:
    """The measure can fail: a query for words no page holds finds none of the expected pages."""
    engine = search_engine(site / "search" / "prebuilt_index.json")
    assert found(engine.search(query)[:RANK], targets)
    assert not found(engine.search("zzzunknownword")[:RANK], targets)


def _index(site: Path) -> dict:
    return json.loads((site / "search" / "prebuilt_index.json").read_text(encoding="utf-8"))


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
    """Searching "LADO" finds the provisions that say "local authority designated officer", and only sections that
    the expansion's words find too."""
    term = CORPUS.terms[term_id]
    engine = search_engine(site / "search" / "prebuilt_index.json")
    words = " ".join(word for word in re.findall(r"[\w']+", term.expansion) if stop_word_filter(Token(word.lower())))
    by_abbreviation = {page for page in engine.pages_with_every_word(term.term) if page.startswith("provisions/")}
    assert by_abbreviation, term.term
    assert _provisions_saying(term.expansion) <= by_abbreviation
    assert by_abbreviation <= engine.pages_with_every_word(words)


def _provisions_saying(phrase: str) -> set[str]:
    """Provision pages whose title or words (in any edition) contain the phrase, in any case."""
    pages = set()
    for provision_id, item in CORPUS.provisions.items():
        text = " ".join([item.title, *(version.text for version in item.versions)])
        if phrase.lower() in " ".join(text.split()).lower():
            pages.add(f"provisions/{provision_id}/")
    return pages


def _pages_saying(site: Path, phrase: str) -> set[str]:
    """Provision pages whose indexed title or text contains the phrase, in any case."""
    pages = set()
    for doc in _index(site)["docs"]:
        page = doc["location"].split("#")[0]
        text = " ".join(re.sub(r"<[^>]*>", " ", f"{doc['title']} {doc['text']}").split())
        if re.fullmatch(r"provisions/[^/]+/", page) and phrase.lower() in text.lower():
            pages.add(page)
    return pages


# Issue 22: relevance that generalises, the latest edition first, real snippets, practitioners' words, honesty.


def _engine(site: Path) -> MaterialSearch:
    return search_engine(site / "search" / "prebuilt_index.json")


def _pages(site: Path, query: str, rank: int = RANK) -> list[str]:
    return [result.page for result in _engine(site).search(query)[:rank]]


def test_every_chapter_and_tree_title_says_its_edition(site: Path) -> None:
    """ "Chapter 1: Early help, referral and assessment — 2013, replaced": a result says which edition it is from."""
    titles = {doc["location"]: doc["title"] for doc in _index(site)["docs"]}
    latest = CORPUS.current_edition.id
    for edition in CORPUS.editions:
        for chapter in edition.chapters:
            title = titles[f"editions/{edition.id}/chapter-{chapter.number}/"]
            state = "latest in these sources" if edition.id == latest else "replaced"
            assert title.endswith(f" — {edition.id}, {state}"), title
    for tree_id, item in CORPUS.trees.items():
        assert item.edition in titles[f"trees/{tree_id}/"], tree_id


def test_the_latest_edition_ranks_above_a_replaced_one_of_the_same_title(site: Path) -> None:
    """Searching a chapter's title lists the latest edition's chapter before any replaced edition's chapter."""
    chapters: dict[str, list[tuple[str, str]]] = {}
    for edition in CORPUS.editions:
        for chapter in edition.chapters:
            chapters.setdefault(chapter.title, []).append(
                (edition.id, f"editions/{edition.id}/chapter-{chapter.number}/")
            )
    shared = {title: pages for title, pages in chapters.items() if len(pages) > 1}
    assert shared
    for title, pages in shared.items():
        found_pages = _pages(site, title, rank=50)
        order = [found_pages.index(page) for _, page in sorted(pages, reverse=True)]
        assert order == sorted(order), (title, found_pages)


def test_only_a_replaced_editions_pages_that_a_later_edition_has_too_weigh_less(site: Path) -> None:
    """Cause C: "latest edition first" orders pages of the same title or provision; a provision placed only in 2010
    (feedback to the referrer, resolving professional disagreements) keeps its full weight."""
    weights = {doc["location"]: doc.get("weight", 1) for doc in _index(site)["docs"]}
    assert weights["editions/2013/chapter-1/"] < weights["editions/2015/chapter-1/"] == 1
    assert weights["editions/2010/chapter-5/#feedback-to-referrer"] == 1
    assert weights["editions/2010/chapter-3/#lscb-resolving-professional-disagreements"] == 1


# Added for cause B: answered only by a source document (topics the guidance leaves out), whose distinctive words
# no guidance page has all of; the sources' low weight ranked guidance pages sharing only common words above them.
@pytest.mark.parametrize(
    ("query", "answers"),
    [
        ("problems with the Integrated Children's System", source("laming-2009")),
        ("protected caseloads for newly qualified social workers", source("laming-2009") + source("action-plan-2010")),
    ],
)
def test_a_source_that_answers_the_distinctive_words_reaches_the_first_five(
    site: Path, query: str, answers: tuple[str, ...]
) -> None:
    """A page's weight orders it among pages that answer the same words, and does not bury one that answers more."""
    assert set(answers) & set(_pages(site, query)), _pages(site, query)


def test_snippets_show_what_the_page_says_not_boilerplate(site: Path) -> None:
    """A provision's result shows its own words, a glossary term's its definition; nothing says "Permanent page"."""
    docs = {doc["location"]: doc for doc in _index(site)["docs"]}
    assert not [location for location, doc in docs.items() if "Permanent page of provision" in doc["text"]]
    for provision_id, item in CORPUS.provisions.items():
        words = [version.text for version in item.versions if version.text.strip()]
        if words:
            assert docs[f"provisions/{provision_id}/"]["text"], provision_id
    for term_id, term in CORPUS.terms.items():
        if term.expansion and f"glossary/#{term_id}" in docs:
            assert term.expansion.split()[0] in docs[f"glossary/#{term_id}"]["text"], term_id
    assert all(len(doc["text"]) <= 2 * 220 for doc in docs.values())  # two lines on a phone, escaped


def test_officers_are_not_offices(site: Path) -> None:
    """The stemmer made "officers" and "offices" one word: "housing officers" found "Government Offices"."""
    assert "provisions/scr-government-offices/" not in _pages(site, "officers", rank=20)
    assert "provisions/scr-government-offices/" in _pages(site, "Government Offices")


@pytest.mark.parametrize(
    ("query", "answers"),
    [
        # The worried-about-a-child journey tells the reader when to go to their designated safeguarding lead (issue
        # 21's "what you do now"); the teacher's role page now ranks 6th, below it (noted in the closing note).
        ("DSL", ("roles/teacher/", "trees/worried-about-a-child/")),
        ("CP plan", ("provisions/child-protection-plan-in-care-plan/",)),
        ("GP", ("provisions/health-organisations-responsibilities/",)),
        ("ICPC", ("provisions/conference-within-15-working-days/",)),
        ("s17", ("provisions/children-in-need-early-access-to-services/",)),
        ("s47", ("provisions/child-seen-alone/", "trees/worried-about-a-child/")),
        ("LADO", ("roles/designated-officer/", "provisions/designated-officer-qualifications/")),
        ("a child is being hit", ("provisions/refer-concerns-about-harm/", "trees/worried-about-a-child/")),
        ("hurt", ("provisions/refer-concerns-about-harm/", "trees/worried-about-a-child/")),
        ("what do I do if a child tells me they are being hit", ("trees/worried-about-a-child/",)),
    ],
)
def test_practitioners_words_reach_the_guidance(site: Path, query: str, answers: tuple[str, ...]) -> None:
    """Abbreviations and everyday words (search-synonyms.yml, the glossary) find the guidance in the first five."""
    pages = _pages(site, query)
    assert set(answers) & set(pages), pages


@pytest.mark.parametrize("query", ["SCR", "CDOP", "GP", "LADO", "DSL"])
def test_the_guidance_ranks_above_the_glossary_and_the_sources(site: Path, query: str) -> None:
    """For an abbreviation, a provision, tree or role page comes first, not the glossary or a source report."""
    assert not _pages(site, query)[0].startswith(("glossary/", "sources/")), _pages(site, query)


# Added for cause A of the held-out review (the notice never showed for topics the editions do not cover): the
# common words of each ("children", "social", "checks") match everywhere; the distinctive ones match nowhere, or only
# through a respelling ("gangs": "rang", "grooming": "room") or somewhere in a long source document.
NOT_COVERED = [
    "county lines exploitation of children",
    "teenagers involved in gangs",
    "grooming on social media",
    "disclosure and barring checks for volunteers",
]
# Added for cause B: covered only by the source documents (out of the guidance's scope), so no notice.
ONLY_IN_THE_SOURCES = [
    "serious case review into the Edlington case",
    "protected caseloads for newly qualified social workers",
    "Social Work Task Force",
    "problems with the Integrated Children's System",
]


@pytest.mark.parametrize("query", ["MASH", "RCPC", "zzzunknownword", *NOT_COVERED])
def test_what_the_editions_do_not_cover_gets_the_notice(site: Path, query: str) -> None:
    """No section has most of the query's words: the notice pointing to the guidance in force is shown."""
    engine = _engine(site)
    engine.search(query)
    assert engine.not_covered


@pytest.mark.parametrize(
    "query",
    ["LADO", "serious case review", "child death overview panel", "refferal", *ONLY_IN_THE_SOURCES]
    + [query for query, _ in QUERIES + NATURAL_QUERIES],
)
def test_what_the_editions_cover_gets_no_notice(site: Path, query: str) -> None:
    """The notice is not shown when a section has the query's words."""
    engine = _engine(site)
    assert engine.search(query)
    assert not engine.not_covered


def test_keywords_are_indexed_in_one_pass_with_the_same_result(site: Path) -> None:
    """The one-pass keyword index gives every section the groups a search per phrase per section would give."""
    import copy  # noqa: PLC0415
    import html  # noqa: PLC0415

    from working_together.publish.search_words import search_words, with_keywords  # noqa: PLC0415

    groups = search_words(CORPUS).groups
    docs = [{"location": d["location"], "title": d["title"], "text": d["text"]} for d in _index(site)["docs"]]
    index = {"docs": copy.deepcopy(docs), "config": {"fields": {}}}
    with_keywords(index, groups)
    for doc, done in zip(docs, index["docs"], strict=True):
        text = html.unescape(re.sub(r"<[^>]*>", " ", f"{doc['title']} {doc['text']}"))
        expected = {
            phrase
            for group in groups
            if any(
                re.search(
                    r"(?<!\w)" + re.escape(p).replace(r"\ ", r"\s+") + r"(?!\w)",
                    text,
                    0 if p.isupper() else re.IGNORECASE,
                )
                for p in group
            )
            for phrase in group
        }
        assert set(done.get("keywords", "").split()) == {w for phrase in expected for w in phrase.split()}, doc


def test_the_synonym_file_says_how_it_is_reviewed_and_every_group_is_real() -> None:
    """The data file starts by saying how it is reviewed; each group joins at least two distinct words."""
    from importlib import resources  # noqa: PLC0415

    import yaml  # noqa: PLC0415

    text = resources.files("working_together.publish").joinpath("search-synonyms.yml").read_text(encoding="utf-8")
    assert "How it is reviewed" in text.split("groups:")[0]
    data = yaml.safe_load(text)
    for group in data["groups"]:
        assert len({str(word).lower() for word in group}) >= 2, group


def test_the_index_is_prebuilt_and_small(site: Path) -> None:
    """The worker loads a lunr index written at build time; the docs carry only titles and snippets."""
    index = _index(site)
    assert index["config"]["prebuilt"]["terms"]
    assert len(index["config"]["prebuilt"]["fieldVectors"]) >= len(index["docs"])
    assert (site / "search" / "prebuilt_index.json").stat().st_size < 1_300_000  # 1.73 MB before it was packed


def test_the_page_fetches_only_the_settings_and_the_worker_the_index(site: Path) -> None:
    """Material's page code fetches search_index.json on its main thread: only the settings it uses are left there;
    the worker fetches and parses the index itself (assets/search-worker.js)."""
    page_copy = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert page_copy == {"config": {key: _index(site)["config"][key] for key in PAGE_SETTINGS}, "docs": []}
    worker = (site / "assets" / "working-together" / "search-worker.js").read_text(encoding="utf-8")
    assert '"index": "../../search/prebuilt_index.json"' in worker


def test_the_packed_index_loads_as_the_index_lunr_built() -> None:
    """`packed` keeps every term, section and weight (to three decimals) that lunr serialized."""
    from lunr import lunr  # noqa: PLC0415

    docs = [{"id": "0", "title": "Referral", "text": "a referral to children's social care"}]
    docs.append({"id": "1", "title": "Strategy discussion", "text": "held after a referral"})
    built = lunr(ref="id", fields=("title", "text"), documents=docs)
    loaded = Index.load(unpacked(packed(built.serialize())))
    for term in ("referr", "strategi", "social"):  # terms as the worker sends them, already stemmed
        want = [(hit["ref"], round(hit["score"], 2)) for hit in built.query(_term(built, term))]
        assert want
        assert [(hit["ref"], round(hit["score"], 2)) for hit in loaded.query(_term(loaded, term))] == want


def _term(index: Index, term: str):  # noqa: ANN202 - lunr's Query
    query = index.create_query()
    query.term(term, use_pipeline=False)
    return query
