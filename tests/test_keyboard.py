"""Keyboard only, in Chromium: home → chapter → provision → decision tree → outcome; and axe over every built page."""

from __future__ import annotations

from pathlib import Path

from conftest import axe_violations
from playwright.sync_api import Page

# What the focused element is, and whether it shows a focus indicator (an outline or a box shadow).
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    return {tag: el.tagName, href: el.getAttribute('href') || '', text: el.innerText.trim().slice(0, 80),
            classes: el.className && el.className.baseVal === undefined ? el.className : '',
            visible: outline || shadow};
}"""


def tab_to(page: Page, wanted: str, key: str = "Tab", limit: int = 400) -> dict:
    """Press Tab until the focused element matches the JavaScript predicate `wanted(el)`; every stop shows focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        assert focused["visible"], f"no visible focus indicator on {focused}"
        if page.evaluate(f"(el => {wanted})(document.activeElement)"):
            return focused
    raise AssertionError(f"{limit} presses of {key} never reached {wanted}")


def test_keyboard_only_journey_from_home_to_a_decision_tree_outcome(page: Page, base_url: str) -> None:
    """Tab and Enter alone reach a chapter, a provision's permanent page, a tree and an outcome, focus always seen."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    tab_to(page, "/chapter-[0-9]+\\/$/.test(el.getAttribute('href') || '')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/chapter-*/")
    assert page.locator(".wt-provision").count() > 0

    permalink = tab_to(page, "el.classList.contains('wt-permalink')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/provisions/*/")
    assert permalink["href"].rstrip("/").endswith(page.url.rstrip("/").split("/")[-1])

    tab_to(page, "/trees\\/[a-z0-9-]+\\/$/.test(el.getAttribute('href') || '')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/trees/*/")
    step = page.locator(".wt-navigator .wt-navigator__step")
    for _ in range(20):  # answer the first answer of each question until an outcome shows
        if page.locator(".wt-navigator .wt-navigator__answers button").count() == 0:
            break
        question = step.inner_text()
        tab_to(page, "el.closest('.wt-navigator__answers') !== null")
        page.keyboard.press("Space" if _ % 2 else "Enter")
        page.wait_for_function("q => document.querySelector('.wt-navigator__step').innerText !== q", arg=question)
        assert page.evaluate("document.activeElement.classList.contains('wt-navigator__step')")
    assert page.locator(".wt-navigator .wt-navigator__answers button").count() == 0
    assert page.locator(".wt-navigator a[href*='/provisions/'], .wt-navigator a[href*='chapter-']").count() > 0
    back = tab_to(page, "el.tagName === 'BUTTON'", key="Shift+Tab")
    assert back["tag"] == "BUTTON"


def test_every_page_of_the_built_site_has_no_accessibility_violations(page: Page, site: Path) -> None:
    """axe's WCAG 2.2 A and AA rules over every HTML page of the real site, provisions included, in one session."""
    pages = sorted(path.relative_to(site).parent.as_posix() for path in site.rglob("index.html"))
    assert len(pages) > 100
    violations = {}
    for path in pages:
        page.goto("/" if path == "." else f"/{path}/")
        if found := axe_violations(page):
            violations[path] = found
    assert violations == {}
