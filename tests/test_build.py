"""The real site: a strict build, every provision shown where it belongs, and no request to any outside host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, build_site
from mkdocs.exceptions import Abort
from working_together.load import load_corpus
from working_together.render.labels import STRENGTHS

CORPUS, _ = load_corpus(PROJECT / "guidance", PROJECT)


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def placed_provisions() -> list[tuple[str, str, str]]:
    """(edition, chapter number, provision id) for every provision of every chapter."""
    return [
        (edition.id, chapter.number, provision_id)
        for edition in CORPUS.editions
        for chapter in edition.chapters
        for provision_id in chapter.provision_ids
    ]


def test_the_real_content_has_two_editions_with_two_chapters_each() -> None:
    """Enough real content to exercise editions, history and superseded banners."""
    assert sum(len(edition.chapters) >= 2 for edition in CORPUS.editions) >= 2


@pytest.mark.parametrize(("edition", "chapter", "provision_id"), placed_provisions())
def test_every_provision_appears_on_its_chapter_page_with_its_strength(
    site: Path, edition: str, chapter: str, provision_id: str
) -> None:
    """No provision is silently dropped: its anchor, title, number, strength label and text are on the chapter."""
    page = soup(site, f"editions/{edition}/chapter-{chapter}")
    heading = page.find(id=provision_id)
    assert heading is not None and heading.name == "h3"
    provision = CORPUS.provisions[provision_id]
    version = provision.version_in(edition)
    placement = CORPUS.edition(edition).placements[provision_id]
    # Whitespace-normalised rather than get_text(" "), which would space out an <abbr> inside the heading.
    assert " ".join(heading.get_text().split()) == placement.titled(provision.title)
    block = heading.find_parent("div", class_="wt-provision")
    assert f"wt-provision--{version.strength}" in block["class"]
    assert STRENGTHS[version.strength].name in block.find(class_="wt-badge").get_text()
    first_words = " ".join(version.text.split("[[")[0].split()[:6])  # the words before any cross-reference
    assert first_words in " ".join(block.get_text().split())
    assert block.find("a", class_="wt-permalink")["href"] == f"../../../provisions/{provision_id}/"


@pytest.mark.parametrize("provision_id", sorted(CORPUS.provisions))
def test_every_provision_has_a_permanent_page_with_each_editions_wording(site: Path, provision_id: str) -> None:
    """The permanent page carries the title and, per edition, the strength label and wording."""
    page = soup(site, f"provisions/{provision_id}")
    provision = CORPUS.provisions[provision_id]
    assert " ".join(page.h1.get_text().split()) == provision.title
    for version in provision.versions:
        section = page.find(id=f"edition-{version.edition}")
        assert section is not None
        if not version.withdrawn:
            block = section.find_next("div", class_="wt-provision")
            assert STRENGTHS[version.strength].name in block.find(class_="wt-badge").get_text()


def test_superseded_editions_carry_a_banner_and_the_latest_says_it_was_replaced(site: Path) -> None:
    """An older edition's chapters say superseded and link to the latest; the latest's say it was replaced."""
    current = CORPUS.current_edition
    for edition in CORPUS.editions:
        for chapter in edition.chapters:
            banner = soup(site, f"editions/{edition.id}/chapter-{chapter.number}").find(class_="admonition warning")
            if edition is current:
                assert (
                    "Editorial note" in banner.get_text() and "replaced, in 2018 and again in 2023" in banner.get_text()
                )
            else:
                assert "Superseded" in banner.get_text() and banner.find("a")["href"].endswith(f"/{current.id}/")


def test_chapter_pages_show_their_status_as_words_not_only_colour(site: Path) -> None:
    """The status band says in text whether the chapter is statutory."""
    for edition in CORPUS.editions:
        for chapter in edition.chapters:
            band = soup(site, f"editions/{edition.id}/chapter-{chapter.number}").find("div", class_="wt-status")
            expected = "Statutory guidance" if chapter.status == "statutory" else "Non-statutory practice guidance"
            assert band.find("strong").get_text() == expected


def test_no_page_asks_for_anything_from_another_host(site: Path) -> None:
    """Scripts, stylesheets, images and CSS url()/@import all stay on the site."""
    outside = re.compile(r"^(https?:)?//", re.I)
    for html_file in site.rglob("*.html"):
        page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                assert not outside.match(element.get(attribute, "")), f"{html_file}: {element}"
        for style in page.find_all("style"):
            assert not re.search(r"(url\(|@import)\s*['\"]?(https?:)?//", style.get_text()), html_file
    for css_file in site.rglob("*.css"):
        assert not re.search(r"(url\(|@import)\s*['\"]?(https?:)?//", css_file.read_text(encoding="utf-8")), css_file


BREAKS = [
    # (file, find, replace with): a different kind of mistake in each kind of file.
    ("guidance/published-ids.yml", "published:\n", "published:\n bad indentation\n"),
    ("guidance/roles.yml", "roles:\n", "roles:\n  - id: [unclosed\n"),
    ("guidance/glossary.yml", "terms:\n", "terms:\n  - id: x\n    term: X\n    colour: red\n"),
    ("guidance/editions/2010.yml", "chapters:\n", "chapters: 5\nchapter:\n"),
    ("guidance/sources/laming-2009.yml", "locations:\n", "locations: []\nlocation:\n"),
    (
        min((PROJECT / "guidance/provisions").glob("*.yml")).relative_to(PROJECT).as_posix(),
        "provisions:\n",
        "provisions:\n\t- tab\n",
    ),
]


@pytest.mark.parametrize(("file", "old", "new"), BREAKS, ids=[b[0].split("/")[-1] for b in BREAKS])
def test_breaking_any_yaml_file_fails_the_build_with_its_position_and_writes_nothing(
    project_copy: Path, file: str, old: str, new: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The build stops in on_config with file:line:col messages; no site folder is created."""
    path = project_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project_copy, project_copy / "site")
    assert re.search(rf"^{re.escape(file)}:\d+:\d+: .+ — .+$", caplog.text, re.M), caplog.text
    assert not (project_copy / "site").exists()


def test_an_unresolved_citation_in_a_hand_written_page_fails_the_build_with_its_location(
    project_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """[[id]] in docs/ must name a real provision; {{ name }} a real block."""
    page = project_copy / "docs" / "about.md"
    page.write_text("# About\n\nSee also\nthe rule [[no-such-provision]].\n\n{{ legnd }}\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project_copy, project_copy / "site")
    assert (
        "docs/about.md:4:10: unknown provision [[no-such-provision]] (did you mean 'supervision'?) — correct the id"
        " inside [[...]] to one from guidance/provisions/" in caplog.text
    )
    assert (
        "docs/about.md:6:1: unknown block {{ legnd }} (did you mean 'legend'?) — use one of: legend, editions,"
        " start_here, currency" in caplog.text
    )
