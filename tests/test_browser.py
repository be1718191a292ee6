"""In headless Chromium: reading a chapter, following a cross-reference and a permanent link, with axe-core."""

from __future__ import annotations

import re

import pytest
from conftest import PROJECT, axe_violations
from playwright.sync_api import Page, expect
from working_together.load import load_corpus
from working_together.model import follow


def a_cross_reference() -> tuple[str, str, str]:
    """(chapter page, source provision, target provision) for a [[id]] cross-reference within one edition."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    for edition in corpus.editions:
        placements = edition.placements
        for provision_id, placement in placements.items():
            version = corpus.provisions[provision_id].version_in(edition.id)
            for target in version.cited_ids:
                if target in placements and placements[target].chapter is not placement.chapter:
                    return f"/editions/{edition.id}/chapter-{placement.chapter.number}/", provision_id, target
    raise AssertionError("the content has no cross-reference between chapters to exercise")


def test_reader_follows_a_cross_reference_then_a_permanent_link(page: Page, base_url: str) -> None:
    """Open a chapter, follow a cross-reference to another chapter, then the permanent link; axe finds nothing."""
    chapter, source_id, target_id = a_cross_reference()
    page.goto(chapter)
    assert axe_violations(page) == []

    page.locator(f"#{source_id}").locator("xpath=..").locator(f"a[href$='#{target_id}']").first.click()
    page.wait_for_url(f"**#{target_id}")
    target_heading = page.locator(f"h3#{target_id}")
    assert target_heading.is_visible()
    assert axe_violations(page) == []

    target_heading.locator("xpath=..").locator("a.wt-permalink").click()
    page.wait_for_url(f"{base_url}/provisions/{target_id}/")
    assert page.locator("h1").is_visible()
    assert axe_violations(page) == []
    assert all(url.startswith(base_url) for url in page.requested), page.requested  # type: ignore[attr-defined]


def test_copy_link_button_copies_the_permanent_address(page: Page, base_url: str) -> None:
    """The button appears only with JavaScript and puts the provision's permanent URL on the clipboard."""
    chapter, source_id, _ = a_cross_reference()
    page.goto(chapter)
    block = page.locator(f"#{source_id}").locator("xpath=..")
    block.get_by_role("button", name="Copy link").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/provisions/{source_id}/"
    assert block.locator(".wt-copy-link").inner_text() == "Link copied"


def _page_of_each_type() -> list[str]:
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    pages = ["/", "/about/", "/accessibility/", "/provisions/", "/glossary/", "/sources/", "/trees/"]
    pages += [f"/sources/{source}/" for source in corpus.sources]
    pages += [f"/trees/{tree}/" for tree in corpus.trees]
    for edition in corpus.editions:
        pages.append(f"/editions/{edition.id}/")
        pages += [f"/editions/{edition.id}/chapter-{chapter.number}/" for chapter in edition.chapters]
    pages.append(f"/provisions/{next(iter(corpus.provisions))}/")
    pages.append("/coverage/")
    pages += ["/summary/", "/roles/", f"/roles/{next(iter(corpus.roles))}/", "/modules/"]
    pages += [f"/modules/{module}/" for module in corpus.modules]
    pages.append(f"/editions/{corpus.current_edition.id}/print/")
    pages += [f"/editions/{edition.id}/changes/" for edition in corpus.editions[1:]]
    return pages


@pytest.mark.parametrize("path", _page_of_each_type())
def test_pages_have_no_accessibility_violations(page: Page, path: str) -> None:
    """Every chapter, edition, source and tree page, and one of each other type, pass axe's WCAG 2.2 A and AA rules."""
    page.goto(path)
    assert axe_violations(page) == []


def test_copy_citation_copies_edition_web_number_title_sources_and_permanent_address(page: Page, base_url: str) -> None:
    """In a chapter and on its permanent page: web number (not the printed one), title, sources, then the host's URL."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    chapter, source_id, _ = a_cross_reference()
    edition = next(e for e in corpus.editions if chapter.startswith(f"/editions/{e.id}/"))
    provision = corpus.provisions[source_id]
    evidence = provision.version_in(edition.id).evidence
    places: dict[str, list[str]] = {}
    for item in evidence:
        if item.at not in places.setdefault(item.source, []):
            places[item.source].append(item.at)
    passages = [
        f"{corpus.sources[source].title} ({corpus.sources[source].published[:4]}), {', '.join(ats)}"
        for source, ats in places.items()
    ]
    expected = (
        f"{edition.title}, unofficial web edition, provision {edition.placements[source_id].number} (the number in"
        f' this web edition, not a printed paragraph number) "{provision.title}". Rests on: {"; ".join(passages)}.'
        f" {base_url}/provisions/{source_id}/"
    )
    page.goto(chapter)
    block = page.locator(f"#{source_id}").locator("xpath=..")
    block.get_by_role("button", name="Copy citation").click()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert block.locator(".wt-copy-citation").inner_text() == "Citation copied"

    page.goto(f"/provisions/{source_id}/#edition-{edition.id}")
    page.evaluate("navigator.clipboard.writeText('')")
    section = page.locator(f"#edition-{edition.id} + .wt-provision")
    section.get_by_role("button", name="Copy citation").click()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert all(url.startswith(base_url) for url in page.requested), page.requested  # type: ignore[attr-defined]


def test_a_module_step_opens_the_navigator_at_its_tree_state(page: Page, base_url: str) -> None:
    """'Open the navigator at this step' lands on the tree page with the module's answers already given."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    module, number, step = next(
        (module, number, step)
        for module in corpus.modules.values()
        for number, step in enumerate(module.steps, start=1)
        if step.tree and len(step.path) >= 2
    )
    state = follow(corpus.trees[step.tree], step.path)
    page.goto(f"/modules/{module.id}/")
    page.locator(f"#step-{number} ~ p a.wt-tree-state").first.click()
    page.wait_for_url(f"{base_url}/trees/{step.tree}/#path={'.'.join(map(str, state.indices))}")
    heading = page.locator(".wt-navigator .wt-navigator__step")
    expect(heading).to_have_text(state.node.outcome or state.node.question)
    expect(page.locator(".wt-navigator .wt-trail li")).to_have_count(len(step.path))


def test_copy_buttons_say_what_happened_in_their_name_and_aloud(page: Page, base_url: str) -> None:
    """After Copy link or Copy citation the button's accessible name says what its text says, and a status region
    announces it, for success and for failure (the review's N4: only the visible text changed)."""
    chapter, source_id, _ = a_cross_reference()
    page.goto(chapter)
    block = page.locator(f"#{source_id}").locator("xpath=..")
    status = page.get_by_role("status").filter(has_text="copied")
    block.get_by_role("button", name="Copy link").click()
    expect(block.locator(".wt-copy-link")).to_have_accessible_name(re.compile("^Link copied"))
    expect(status).to_have_count(1)
    expect(status).to_contain_text("Link copied")
    block.get_by_role("button", name="Copy citation").click()
    expect(block.locator(".wt-copy-citation")).to_have_accessible_name(re.compile("^Citation copied"))
    expect(status).to_contain_text("Citation copied")
    # A clipboard that refuses: the failure, which the reader must act on, is announced too.
    page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); }")
    block.locator(".wt-copy-link").click()
    expect(block.locator(".wt-copy-link")).to_have_accessible_name(re.compile("^Copy failed: use the permanent link"))
    expect(page.get_by_role("status").filter(has_text="Copy failed")).to_have_count(1)
