"""Print: the "valid as of" stamp on every page, whole-edition print pages, link targets, and the print stylesheet."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, build_site
from playwright.sync_api import Page
from working_together.load import load_corpus
from working_together.publish.link_targets import mark_link_targets, site_address
from working_together.publish.stamp import UNKNOWN_COMMIT, print_style, this_build

CORPUS, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
HEAD = subprocess.run(["git", "-C", str(PROJECT), "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True)
COMMIT = HEAD.stdout.strip()


def built_pages(site: Path) -> list[Path]:
    """Every page of the built site (the 404 page is a theme template, not a page of the guidance)."""
    return sorted(path for path in site.rglob("index.html") if path.parent != site / "404")


def edition_of(site: Path, page: Path) -> str:
    """The edition a built page should name in its stamp."""
    parts = page.relative_to(site).parts
    if parts[0] == "editions":
        return CORPUS.edition(parts[1]).title
    if parts[0] == "trees" and parts[1] in CORPUS.trees:  # a tree rests on the provisions of its own edition
        return CORPUS.edition(CORPUS.trees[parts[1]].edition).title
    return CORPUS.current_edition.title


def test_every_page_carries_the_stamp_with_its_edition_build_date_and_commit(site: Path) -> None:
    """Each page has one stamp naming its edition, a build date and this commit, and the print-only margin box."""
    assert COMMIT, HEAD.stderr
    pages = built_pages(site)
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        stamps = BeautifulSoup(html, "html.parser").select("article .wt-stamp")
        assert len(stamps) == 1, path
        text = " ".join(stamps[0].get_text(" ").split())
        day = date.fromisoformat(stamps[0].find("time")["datetime"])
        assert text.startswith(f"Valid as of {day.day} {day:%B %Y} : this page shows {edition_of(site, path)},"), (
            path,
            text,
        )
        assert "covers Working Together to Safeguard Children up to the 2015 edition" in text, (path, text)
        assert f"Built from commit {COMMIT}" in text, (path, text)
        assert '<style media="print">@page { @bottom-left { content: "Valid' in html, path


def test_superseded_editions_say_so_in_their_stamp(site: Path) -> None:
    """A page of an earlier edition is stamped as superseded by the current edition."""
    earlier = CORPUS.editions[0]
    stamp = BeautifulSoup((site / f"editions/{earlier.id}/index.html").read_text(), "html.parser").select_one(
        ".wt-stamp"
    )
    assert f"superseded by the {CORPUS.current_edition.id} edition" in stamp.get_text()


def test_a_build_without_git_uses_source_date_epoch_and_the_commit_variable(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside git the stamp takes the commit from WORKING_TOGETHER_COMMIT, and the date from SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1425168000")  # 1 March 2015, 00:00 UTC
    monkeypatch.setenv("WORKING_TOGETHER_COMMIT", "feedfacecafe")
    build_site(project_copy, tmp_path / "site")
    stamp = BeautifulSoup((tmp_path / "site/index.html").read_text(), "html.parser").select_one(".wt-stamp")
    assert " ".join(stamp.get_text(" ").split()) == (
        f"Valid as of 1 March 2015 : this page shows {CORPUS.current_edition.title}, the latest edition in these"
        " sources. This site covers Working Together to Safeguard Children up to the 2015 edition, as its source"
        " documents describe it; it is not the printed text. Editorial note (ours, not from the sources): Working"
        " Together 2015 has since been replaced, in 2018 and again in 2023. The guidance in force is published on"
        " GOV.UK (www.gov.uk). Built from commit feedfacecafe."
    )


@pytest.mark.parametrize(
    ("environ", "commit", "built"),
    [
        ({}, UNKNOWN_COMMIT, None),
        ({"WORKING_TOGETHER_COMMIT": "  "}, UNKNOWN_COMMIT, None),
        ({"WORKING_TOGETHER_COMMIT": "abc123"}, "abc123", None),
        ({"SOURCE_DATE_EPOCH": "0"}, UNKNOWN_COMMIT, date(1970, 1, 1)),
        ({"SOURCE_DATE_EPOCH": "1700000000", "WORKING_TOGETHER_COMMIT": "x"}, "x", date(2023, 11, 14)),
    ],
)
def test_build_identity_outside_git(tmp_path: Path, environ: dict[str, str], commit: str, built: date | None) -> None:
    """Without a repository the commit falls back to the variable, then 'unknown commit'; the epoch fixes the date."""
    build = this_build(tmp_path, environ)
    assert build.commit == commit
    assert build.commit_text == (UNKNOWN_COMMIT if commit == UNKNOWN_COMMIT else f"commit {commit}")
    if built is not None:
        assert build.built == built


def test_build_identity_inside_git_is_the_head_commit() -> None:
    """In the project's repository the commit is HEAD's short hash."""
    assert this_build(PROJECT, {}).commit == COMMIT


def test_the_print_style_cannot_be_broken_out_of() -> None:
    """Edition titles go into a CSS string as hex escapes, so quotes and </style> stay text."""
    style = print_style('Title "quoted" </style><script>alert(1)</script> \\ end')
    inner = style.removeprefix('<style media="print">').removesuffix("</style>")
    assert "<" not in inner and ">" not in inner
    content = re.search(r'@bottom-left \{ content: "([^"]*)"; \}', inner)
    assert content is not None
    assert content[1].startswith("Title \\000022quoted\\000022 \\00003c")


@pytest.mark.parametrize(
    ("page_url", "href", "address"),
    [
        ("editions/2015/chapter-1/", "../chapter-3/#x", "/editions/2015/chapter-3/#x"),
        ("editions/2015/chapter-1/", "../../../provisions/early-help/", "/provisions/early-help/"),
        ("editions/2015/chapter-1/", "../", "/editions/2015/"),
        ("editions/2015/chapter-1/", "#early-help", None),
        ("editions/2015/chapter-1/", "", None),
        ("", "glossary/#lado", "/glossary/#lado"),
        ("", ".", "/"),
        ("trees/child-death/", "/sources/", "/sources/"),
        ("about/", "https://www.legislation.gov.uk/", "https://www.legislation.gov.uk/"),
        ("about/", "mailto:someone@example.org", "mailto:someone@example.org"),
        ("editions/2015/chapter-1.html", "chapter-3.html#x", "/editions/2015/chapter-3.html#x"),
    ],
)
def test_site_address_of_a_link(page_url: str, href: str, address: str | None) -> None:
    """Relative links become addresses from the site's root; in-page anchors have none."""
    assert site_address(page_url, href) == address


def test_marking_link_targets_leaves_anchors_and_escapes_addresses() -> None:
    """Only links that leave the page are marked, and the address is a well-formed attribute."""
    html = '<a href="#x">here</a> <a class="c" href="../a&amp;b/">there</a>'
    assert mark_link_targets(html, "p/q/") == (
        '<a href="#x">here</a> <a class="c" href="../a&amp;b/" data-wt-href="/p/a&amp;b/">there</a>'
    )


def test_every_marked_link_target_exists_in_the_site(site: Path) -> None:
    """The address printed after a link names a real page of the site (and its anchor, if any)."""
    checked = 0
    for path in built_pages(site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for link in page.select("article a[data-wt-href^='/']"):
            target, _, anchor = link["data-wt-href"].partition("#")
            if not target.endswith("/"):  # a file rather than a page, such as the changes feed
                assert (site / target.strip("/")).is_file(), link
                continue
            target_page = site / target.strip("/") / "index.html"
            assert target_page.is_file(), (path, link["data-wt-href"])
            # A navigator state (#path=...) is not an element id; tests/test_links.py checks those states exist.
            if anchor and not anchor.startswith("path="):
                assert f'id="{anchor}"' in target_page.read_text(encoding="utf-8"), (path, link["data-wt-href"])
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize("edition_id", [edition.id for edition in CORPUS.editions])
def test_the_print_page_holds_the_whole_edition_once(site: Path, edition_id: str) -> None:
    """Every chapter in order and every provision of the edition, with no id used twice on the page."""
    edition = CORPUS.edition(edition_id)
    page = BeautifulSoup((site / f"editions/{edition_id}/print/index.html").read_text(), "html.parser")
    article = page.select_one("article")
    assert article.find("h1").get_text(strip=True) == edition.title
    chapters = [heading["id"] for heading in article.select("h2.wt-print-chapter")]
    assert chapters == [f"chapter-{chapter.number}" for chapter in edition.chapters]
    provisions = [heading["id"] for heading in article.select(".wt-provision h4[id]")]
    assert provisions == [pid for chapter in edition.chapters for pid in chapter.provision_ids]
    ids = Counter(element["id"] for element in page.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []
    assert len(article.select(".admonition.warning")) == 1  # superseded, or (latest) our note that it was replaced


def test_print_pages_are_linked_from_their_edition_and_left_out_of_search(site: Path) -> None:
    """Readers find the print page on the edition's contents; search results point to chapters, not to it."""
    index = json.loads((site / "search/prebuilt_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    for edition in CORPUS.editions:
        contents = BeautifulSoup((site / f"editions/{edition.id}/index.html").read_text(), "html.parser")
        assert contents.select_one("article a[href='print/']") is not None
        assert not any(location.startswith(f"editions/{edition.id}/print/") for location in locations)
        assert f"editions/{edition.id}/chapter-{edition.chapters[0].number}/" in locations


def _a_page_with_every_strength() -> tuple[str, set[str]]:
    """The print page of an edition that uses the most strengths, and those strengths."""
    best = max(
        CORPUS.editions,
        key=lambda e: len({CORPUS.provisions[p].version_in(e.id).strength for p in e.placements}),
    )
    strengths = {CORPUS.provisions[p].version_in(best.id).strength for p in best.placements}
    return f"/editions/{best.id}/print/", strengths


def test_print_media_hides_chrome_and_shows_link_targets_and_the_stamp(page: Page) -> None:
    """Under print media: no header, sidebars, footer, search or buttons; link addresses and the stamp show."""
    page.goto(f"/editions/{CORPUS.current_edition.id}/chapter-{CORPUS.current_edition.chapters[0].number}/")
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.locator("button:visible, .md-button:visible").count() == 0
    assert page.locator(".wt-stamp").is_visible()
    permalink = page.locator("a.wt-permalink").first
    after = permalink.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == f'" (/provisions/{permalink.get_attribute("href").split("/")[-2]}/)"'
    in_page = page.locator("article a[href^='#']").first  # a cross-reference within the chapter
    assert in_page.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
    source = page.locator("details.wt-source").first
    assert source.locator("li").first.is_visible()  # the source is printed even though its disclosure is closed


def test_print_media_tells_strengths_apart_without_colour(page: Page) -> None:
    """Each strength has its own border style on badges and provision rules, and no background tint."""
    path, strengths = _a_page_with_every_strength()
    assert len(strengths) >= 3
    page.goto(path)
    page.emulate_media(media="print")
    badge_styles, rule_styles = {}, {}
    for strength in strengths:
        badge = page.locator(f".wt-provision .wt-strength--{strength}").first
        badge_styles[strength] = badge.evaluate("b => getComputedStyle(b).borderTopStyle")
        assert badge.evaluate("b => getComputedStyle(b).backgroundColor") == "rgba(0, 0, 0, 0)"
        rule = page.locator(f".wt-provision--{strength}").first
        rule_styles[strength] = rule.evaluate("r => getComputedStyle(r).borderLeftStyle")
    assert len(set(badge_styles.values())) == len(strengths), badge_styles
    assert len(set(rule_styles.values())) == len(strengths), rule_styles


def test_print_media_keeps_the_static_tree_and_hides_the_navigator(page: Page) -> None:
    """On a tree page the interactive navigator is not printed; the step-by-step tree is."""
    tree = next(iter(CORPUS.trees))
    page.goto(f"/trees/{tree}/")
    assert page.locator(".wt-navigator--ready").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".wt-navigator").is_hidden()
    assert page.locator(".wt-node").first.is_visible()


def test_the_printed_summary_gives_each_address_once(page: Page) -> None:
    """The role table cites provisions by number without repeating the addresses printed in the stages above."""
    page.goto("/summary/")
    page.emulate_media(media="print")
    after = "a => getComputedStyle(a, '::after').content"
    number = page.locator(".wt-summary-roles td + td a").first
    assert number.evaluate(after) in ("none", "normal")
    role = page.locator(".wt-summary-roles td:first-child a").first
    assert role.evaluate(after) == f'" (/roles/{role.get_attribute("href").split("/")[-2]}/)"'
    href = number.get_attribute("href")
    stage_link = page.locator(f"#stages ~ * a[href='{href}']").first  # the same provision in its stage
    assert stage_link.evaluate(after).startswith('" (/provisions/')
