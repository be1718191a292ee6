"""The Atom changes feed: valid Atom 1.0, one entry per change of each edition, stable ids and working links."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from urllib.parse import urljoin, urlparse
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from conftest import PROJECT
from working_together.changes import compare
from working_together.load import load_corpus
from working_together.render.feed import GRADE_SCHEME, changes_feed, entry_id

A = "{http://www.w3.org/2005/Atom}"


def _feed(site: Path) -> ElementTree.Element:
    return ElementTree.parse(site / "feed.xml").getroot()


def _expected_entries() -> dict[str, str]:
    """Every change of every edition, as entry id -> kind, worked out from the what-changed data."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    expected = {}
    for older, newer in pairwise(corpus.editions):
        changes = compare(corpus, older.id, newer.id)
        expected |= {entry_id(newer.id, p.id): "added" for p in changes.added}
        expected |= {entry_id(newer.id, p.id): "updated" for p in changes.updated}
        expected |= {entry_id(newer.id, a.provision.id): "amended" for a in changes.amended}
        expected |= {entry_id(newer.id, p.id): "withdrawn" for p in changes.withdrawn}
    return expected


def test_the_feed_is_atom_with_the_required_elements_and_the_licence(site: Path) -> None:
    """The feed and every entry carry id, title, updated and an alternate link; rights give the OGL attribution."""
    feed = _feed(site)
    assert feed.tag == f"{A}feed"
    for element in [feed, *feed.findall(f"{A}entry")]:
        assert element.findtext(f"{A}id").startswith("tag:working-together.reference-edition,2025:")
        assert element.findtext(f"{A}title")
        assert len(element.findtext(f"{A}updated")) == len("2015-03-01T00:00:00Z")
        assert element.find(f"{A}link[@rel='alternate']") is not None
    assert feed.find(f"{A}author/{A}name").text == "Working Together to Safeguard Children"
    assert "Open Government Licence" in feed.findtext(f"{A}rights")
    assert feed.find(f"{A}link[@rel='self']").get("href") == "feed.xml"


def test_the_feed_has_one_entry_per_change_of_each_edition(site: Path) -> None:
    """Entries match compare() for each pair of editions exactly: nothing missing, nothing extra, no duplicates."""
    entries = _feed(site).findall(f"{A}entry")
    found = {entry.findtext(f"{A}id"): entry.find(f"{A}category").get("term") for entry in entries}
    assert len(found) == len(entries)
    assert found == _expected_entries()


def test_an_amendment_entry_shows_the_old_and_new_wording_and_its_evidence(site: Path) -> None:
    """A feed reader shows both wordings (escaped HTML) and the evidence for the change."""
    entries = {entry.findtext(f"{A}id"): entry for entry in _feed(site).findall(f"{A}entry")}
    entry = entries["tag:working-together.reference-edition,2025:edition/2015/provision/assessment-timescale"]
    assert entry.findtext(f"{A}title") == "Amended in the 2015 edition: How quickly an assessment is completed"
    content = BeautifulSoup(entry.findtext(f"{A}content"), "html.parser").get_text()
    assert "Before (2013 edition)" in content and "45 working days" in content
    assert "Now (2015 edition)" in content and "maximum flexibility" in content
    assert "Evidence for the change" in content
    assert "Open Government Licence" in entry.findtext(f"{A}rights")


def test_every_link_in_the_feed_resolves_to_a_built_page_and_anchor(site: Path) -> None:
    """Relative links resolve against the feed's address at the site root, anchors included."""
    for link in _feed(site).iter(f"{A}link"):
        target = urlparse(urljoin("/feed.xml", link.get("href")))
        path = site / target.path.lstrip("/")
        path = path / "index.html" if path.is_dir() else path
        assert path.is_file(), link.get("href")
        if target.fragment:
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            assert page.find(id=target.fragment), link.get("href")


def test_the_home_and_what_changed_pages_announce_the_feed(site: Path) -> None:
    """Browsers and feed readers discover the feed from <link rel=alternate>; the page also links it in words."""
    for url in ("index.html", "editions/2015/changes/index.html"):
        page = BeautifulSoup((site / url).read_text(encoding="utf-8"), "html.parser")
        link = page.find("link", rel="alternate", type="application/atom+xml")
        assert (site / Path(url).parent / link["href"]).resolve() == (site / "feed.xml").resolve()
    changes = BeautifulSoup((site / "editions/2015/changes/index.html").read_text(encoding="utf-8"), "html.parser")
    assert changes.find("a", string="the changes feed (Atom)")["href"] == "../../../feed.xml"


def test_with_a_base_url_links_are_absolute_and_ids_do_not_change() -> None:
    """feed_base_url makes every link absolute; entry ids stay the same whatever the address."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    relative = ElementTree.fromstring(changes_feed(corpus, "T", "R"))
    absolute = ElementTree.fromstring(changes_feed(corpus, "T", "R", "https://example.org/wt/"))
    assert absolute.get("{http://www.w3.org/XML/1998/namespace}base") == "https://example.org/wt/"
    hrefs = [link.get("href") for link in absolute.iter(f"{A}link")]
    assert all(href.startswith("https://example.org/wt/") for href in hrefs), hrefs
    assert [e.text for e in relative.iter(f"{A}id")] == [e.text for e in absolute.iter(f"{A}id")]


def test_entry_ids_are_made_only_of_the_edition_and_the_provision_id() -> None:
    """A published entry id must never change, or feed readers would show the change again."""
    assert entry_id("2015", "assessment-timescale") == (
        "tag:working-together.reference-edition,2025:edition/2015/provision/assessment-timescale"
    )


def test_every_amendment_entry_is_graded_by_what_it_means_for_practice(site: Path) -> None:
    """Each amended entry has a grade category (own scheme, readable label) and says the grade in its summary."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    entries = {entry.findtext(f"{A}id"): entry for entry in _feed(site).findall(f"{A}entry")}
    graded = 0
    for older, newer in pairwise(corpus.editions):
        for amendment in compare(corpus, older.id, newer.id).amended:
            entry = entries[entry_id(newer.id, amendment.provision.id)]
            grade = entry.find(f"{A}category[@scheme='{GRADE_SCHEME}']")
            assert grade.get("term") == amendment.new.change
            assert f"({grade.get('label').lower()}) in the {newer.id} edition" in entry.findtext(f"{A}summary")
            graded += 1
    assert graded == 19  # the child death overview panel gained its 2013 wording (without the 2010 ordering)
    timescale = entries[entry_id("2015", "assessment-timescale")].find(f"{A}category[@scheme='{GRADE_SCHEME}']")
    assert (timescale.get("term"), timescale.get("label")) == ("clarification", "Clarification or wording")
    added = entries[entry_id("2015", "notify-serious-incidents")]
    assert added.find(f"{A}category[@scheme='{GRADE_SCHEME}']") is None
