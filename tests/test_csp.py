"""The Content-Security-Policy: on every page, strict, and nothing on the site (online or offline) breaks under it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROJECT, _QuietHandler, build_site, serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from playwright.sync_api import Browser, BrowserContext, Page, expect
from small_guidance import write_small_guidance, write_small_tree
from working_together.check.docs import inline_code_problems
from working_together.load import load_corpus
from working_together.publish.csp import POLICY_META, KnownCode, inline_code, source_hash, with_policy

CORPUS, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")

# Every violation, in the page or any frame the init script reaches, is reported to Python at once, so none is
# lost when the next page loads. The shim's iframe is written with document.write, where init scripts may not
# run: its violations reach us as console errors, which fail the sweep too.
REPORT_VIOLATIONS = """
addEventListener("securitypolicyviolation", (event) => window.__cspViolation(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}` +
  ` (${event.sample})`), true);
"""


def _pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def _policy(html: str) -> dict[str, list[str]]:
    """The page's policy as directive -> source expressions, after checking it is the only one."""
    policies = POLICY_META.findall(html)
    assert len(policies) == 1, f"{len(policies)} policies"
    directives = [directive.split() for directive in policies[0].split(";")]
    return {name: sources for name, *sources in directives}


# --- the policy itself, without a browser ----------------------------------------------------------------------


def test_a_hash_is_the_one_chromium_asks_for() -> None:
    """source_hash gives the hash Chromium printed when it blocked `window.inlineRan=1`; CR LF is hashed as LF."""
    assert source_hash("window.inlineRan=1") == "'sha256-/aCrYT7fvmJCdKAT+JCp6eqHNRcZsJ6ab4u0R4N66Ns='"
    assert source_hash("a;\r\nb;\rc;") == source_hash("a;\nb;\nc;")


def _known(*bodies: str) -> KnownCode:
    known = KnownCode()
    for body in bodies:
        known.add(body)
    return known


def test_the_policy_hashes_known_inline_scripts_and_styles_but_not_data_blocks() -> None:
    """Executable inline scripts and <style> bodies on the known list are hashed; a JSON block and a script file
    are not."""
    html = (
        '<html><head><meta charset="utf-8"><title>t</title><script>run()</script>'
        '<script type="module">go()</script><style media="print">p{}</style></head><body>'
        '<script id="__config" type="application/json">{"a": 1}</script><script src="x.js"></script></body></html>'
    )
    protected, code = with_policy(html, _known("run()", "go()", "p{}"))
    assert protected.startswith('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')
    policy = _policy(protected)
    assert policy["script-src"] == ["'self'", *sorted([source_hash("run()"), source_hash("go()")])]
    assert policy["style-src"] == ["'self'", source_hash("p{}")]
    assert source_hash('{"a": 1}') not in protected
    assert code.blocked == []


def test_an_inline_script_or_style_not_on_the_known_list_is_reported_and_not_hashed() -> None:
    """A raw <script> or <style> that reached the page (a docs/ HTML block) is a finding, and gets no hash."""
    html = '<head><meta charset="utf-8"><script>run()</script></head><body><script>evil()</script><style>b{}</style>'
    protected, code = with_policy(html, _known("run()"))
    assert [finding.what for finding in code.blocked] == [
        "an inline <script> that is not the theme's or the plugin's",
        "an inline <style> that is not the theme's or the plugin's",
    ]
    assert _policy(protected)["script-src"] == ["'self'", source_hash("run()")]
    assert _policy(protected)["style-src"] == ["'self'"]


def test_material_templates_are_the_known_list_with_their_holes_filled_by_urls_only() -> None:
    """Material's scope bootstrap is known at every depth; the same script with a quote in its hole is not."""
    dirs = load_config(config_file=str(PROJECT / "mkdocs.yml")).theme.dirs
    known = KnownCode(dirs)
    template = next(Path(folder) / "partials/javascripts/base.html" for folder in dirs if "material" in folder)
    scope = re.search(r"<script>(.*)</script>", template.read_text(encoding="utf-8"))
    assert scope is not None and "__md_scope" in scope.group(1)
    for base in ("/", ".", "../..", "../../../.."):
        assert re.sub(r"\{\{.*?\}\}", base, scope.group(1)) in known
    assert re.sub(r"\{\{.*?\}\}", '",alert(1),"', scope.group(1)) not in known
    assert "alert(1)" not in known


def test_under_mkdocs_serve_inline_scripts_are_allowed_for_live_reload_and_nothing_else_changes() -> None:
    """MkDocs injects a live-reload script with a timestamp into each served page; no build-time hash can match it."""
    html = '<head><meta charset="utf-8"><script>run()</script><style>p{}</style></head>'
    known = _known("run()", "p{}")
    published = _policy(with_policy(html, known)[0])
    served = _policy(with_policy(html, known, live_reload=True)[0])
    assert served["script-src"] == ["'self'", "'unsafe-inline'"]
    assert {**served, "script-src": published["script-src"]} == published


def test_what_no_hash_can_allow_is_reported() -> None:
    """style= and on*= attributes and javascript: URLs are reported, however they are written; the same words as
    text, in an ordinary link or in a comment are not."""
    html = (
        '<head></head><body><td style="text-align: right">1</td><button onclick="go()">Go</button>'
        '<a href=" JavaScript:go()">x</a><abbr title="javascript: a word">j</abbr><p>style="x" onclick=</p>'
        '<a href="https://example.org/?a=1&amp;b=javascript:">ok</a><!-- <a onclick="x"> -->'
        '<a href="java&#x09;script&colon;go()">entity</a><svg/onload=go()></svg><a title=">"onmouseover="go()">t</a>'
        '<svg><a xlink:href="javascript:go()">s</a></svg><form action=JAVASCRIPT:go()></form></body>'
    )
    assert [finding.what for finding in inline_code(html).blocked] == [
        "a style attribute <td style=…>",
        "an event-handler attribute <button onclick=…>",
        "a javascript: URL <a href=javascript:…>",
        "a javascript: URL <a href=javascript:…>",
        "an event-handler attribute <svg onload=…>",
        "an event-handler attribute <a onmouseover=…>",
        "a javascript: URL <a xlink:href=javascript:…>",
        "a javascript: URL <form action=javascript:…>",
    ]
    assert inline_code(html).scripts == []


def test_inline_code_in_a_docs_page_fails_the_build_at_its_line_but_an_aligned_table_does_not(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A raw <script> block, an on*= attribute, a javascript: link and a style= attribute in a docs/ page are each
    a strict-mode warning at its file:line:col; tables align by attribute, and the theme's own scripts pass."""
    write_small_guidance(tmp_path)
    write_small_tree(tmp_path)
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    for page in (PROJECT / "docs").glob("*.md"):
        (tmp_path / "docs" / page.name).write_text(f"# {page.stem}\n", encoding="utf-8")
    about = (
        "# About\n\n"
        '<p style="color: red">Red</p>\n\n'
        "<script>\ndocument.title = 'ran';\n</script>\n\n"
        "[Go](javascript:alert(1))\n\n"
        'A button\n{ onclick="alert(1)" }\n\n'
        "| Item | Count |\n| --- | ---: |\n| a | 1 |\n"
    )
    (tmp_path / "docs" / "about.md").write_text(about, encoding="utf-8")
    with pytest.raises(Abort):
        build_site(tmp_path, tmp_path / "site")
    blocked = sorted(line for line in caplog.text.splitlines() if "blocked by the Content-Security-Policy" in line)
    assert len(blocked) == 4, caplog.text
    assert [line[line.index("docs/about.md") :].split(" is blocked")[0] for line in blocked] == [
        # The build checks the Markdown's text first, as validate does, so it stops there with validate's words.
        "docs/about.md:12:3: an attribute onclick= in { … }",
        "docs/about.md:3:4: a style attribute <p style=…>",
        "docs/about.md:5:1: an inline <script>",
        "docs/about.md:9:6: a javascript: URL",
    ]


@pytest.mark.parametrize("which", ["site", "offline_site"])
def test_every_page_carries_one_strict_policy_first_in_its_head(which: str, request: pytest.FixtureRequest) -> None:
    """Online and offline, every page's policy comes before any script or style, names no host, allows no inline
    script but by hash, no eval, no plugins, no <base>; and every inline script and style on it is hashed."""
    site_dir: Path = request.getfixturevalue(which)
    pages = _pages(site_dir)
    assert len(pages) > 100
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        where = html_file.relative_to(site_dir)
        # A meta policy governs only what follows it: nothing but <meta charset> may come before it.
        assert re.search(r'<head>\s*<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"', html), where
        policy = _policy(html)
        assert policy["default-src"] == ["'self'"], where
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"], where
        for directive, sources in policy.items():
            for source in sources:
                assert re.fullmatch(r"'self'|'none'|'sha256-[A-Za-z0-9+/]+=*'|data:", source), (where, directive)
            if directive.startswith("script-src"):
                assert "data:" not in sources, where
        assert "frame-ancestors" not in policy, where  # ignored in a <meta>: it would only log an error
        code = inline_code(html)
        assert {source_hash(body) for body in code.scripts} <= set(policy["script-src"]), where
        assert {source_hash(body) for body in code.styles} <= set(policy["style-src"]), where
        assert code.blocked == [], where


# --- every page in Chromium, and what readers use, under the policy --------------------------------------------


class Watched:
    """One browser context whose every CSP violation, console error and uncaught exception is recorded."""

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.problems: list[str] = []
        context.expose_binding("__cspViolation", lambda source, text: self._record(source["frame"].url, text))
        context.add_init_script(REPORT_VIOLATIONS)
        self.page = context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self._record(self.page.url, message.text))
        self.page.on("pageerror", lambda error: self._record(self.page.url, f"uncaught {error}"))

    def _record(self, url: str, text: str) -> None:
        self.problems.append(f"{url}: {text}")

    def settle(self) -> None:
        """Let the page run what it started on load (two frames and a task) before its problems are read."""
        self.page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        self.page.evaluate("new Promise(done => setTimeout(done, 50))")

    def sweep(self, urls: list[str]) -> int:
        """Load each URL in turn; the number loaded."""
        for url in urls:
            self.page.goto(url)
            self.settle()
        return len(urls)


@pytest.fixture
def online(browser: Browser, base_url: str) -> Iterator[Watched]:
    """A watched context on the real site over HTTP, allowed to use the clipboard."""
    context = browser.new_context(base_url=base_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    yield Watched(context)
    context.close()


@pytest.fixture
def offline(browser: Browser) -> Iterator[Watched]:
    """A watched context for the offline copy over file://."""
    context = browser.new_context()
    yield Watched(context)
    context.close()


def _injected_inline_script_is_blocked(watched: Watched) -> None:
    """The sanity check that the sweep can fail: an inline script added to the page is reported and not run."""
    watched.page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
                          " document.head.append(s); }")  # fmt: skip
    watched.settle()
    assert watched.page.evaluate("window.ran") is None
    assert any("script-src" in problem for problem in watched.problems), watched.problems
    watched.problems.clear()


def test_every_online_page_loads_under_the_policy_with_no_violation(online: Watched, site: Path) -> None:
    """Each page of the site over HTTP, in turn: no CSP violation, console error or uncaught exception."""
    urls = ["/" + str(path.relative_to(site)) for path in _pages(site)]
    loaded = online.sweep(urls)
    assert online.problems == []
    print(f"loaded {loaded} online pages under the policy with 0 violations")  # quoted in notes (pytest -s)
    _injected_inline_script_is_blocked(online)


def test_every_offline_page_loads_under_the_policy_with_no_violation(offline: Watched, offline_site: Path) -> None:
    """Each page of the offline copy over file://, in turn: no CSP violation, console error or uncaught exception.

    Over file:// Chromium lets 'self' match any file: URL, so the policy still blocks inline code and every
    host, but not other local files. 404.html is left out: it is for a web server (its links are from the
    site's root, which over file:// is the disk's root), and no reader of the copy can reach it.
    """
    urls = [path.as_uri() for path in _pages(offline_site) if path.name != "404.html"]
    loaded = offline.sweep(urls)
    assert offline.problems == []
    print(f"loaded {loaded} offline pages under the policy with 0 violations")  # quoted in notes (pytest -s)
    _injected_inline_script_is_blocked(offline)


def _search_finds(page: Page, query: str) -> None:
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially(query)  # Material searches on key presses, once its index is ready
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching documents?"))
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def _walk_first_answers(page: Page, tree_id: str) -> None:
    """Answer the first answer at each step and expect the outcome with a link to its first cited provision."""
    tree = CORPUS.trees[tree_id]
    navigator = page.locator(".wt-navigator")
    node = tree.nodes[tree.start]
    while not node.is_outcome:
        navigator.get_by_role("button", name=node.answers[0].answer, exact=True).click()
        node = tree.nodes[node.answers[0].next]
    expect(navigator.locator(".wt-navigator__step")).to_have_text(node.outcome)
    expect(navigator.get_by_role("link").filter(has_text=CORPUS.provisions[node.cites[0]].title).first).to_be_visible()


def test_search_navigator_and_copy_buttons_work_online_under_the_policy(online: Watched, base_url: str) -> None:
    """Search (in its web worker), every tree's navigator and both copy buttons work, with no violation."""
    page = online.page
    page.goto("/")
    _search_finds(page, "LADO")
    for tree_id in CORPUS.trees:
        page.goto(f"/trees/{tree_id}/")
        _walk_first_answers(page, tree_id)
    edition = CORPUS.current_edition
    provision_id, placement = next(iter(edition.placements.items()))
    page.goto(f"/editions/{edition.id}/chapter-{placement.chapter.number}/")
    block = page.locator(f"#{provision_id}").locator("xpath=..")
    permanent = f"{base_url}/provisions/{provision_id}/"
    block.get_by_role("button", name="Copy link").click()
    assert page.evaluate("navigator.clipboard.readText()") == permanent
    block.get_by_role("button", name="Copy citation").click()
    assert page.evaluate("navigator.clipboard.readText()").endswith(f" {permanent}")
    online.settle()
    assert online.problems == []


def test_search_and_navigator_work_offline_under_the_policy(offline: Watched, offline_site: Path) -> None:
    """Over file:// search runs in the shim's iframe, which inherits the policy: it finds results from a page at
    each depth, and every tree's navigator works, with no violation."""
    page = offline.page
    provision_id = next(iter(CORPUS.provisions))
    for start in (offline_site / "index.html", offline_site / "provisions" / f"{provision_id}.html"):
        page.goto(start.as_uri())
        _search_finds(page, "LADO")
    for tree_id in CORPUS.trees:
        page.goto((offline_site / "trees" / f"{tree_id}.html").as_uri())
        _walk_first_answers(page, tree_id)
    offline.settle()
    assert offline.problems == []


# --- the headers for hosts that send them ----------------------------------------------------------------------


def _headers_from(site_dir: Path) -> dict[str, str]:
    """The one rule of the generated _headers file, as header name -> value."""
    lines = (site_dir / "_headers").read_text(encoding="utf-8").splitlines()
    rules = [line for line in lines if line and not line.startswith("#")]
    assert rules[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in rules[1:])


def test_the_headers_file_refuses_framing_and_carries_every_pages_hashes(site: Path) -> None:
    """_headers: frame-ancestors 'none', nosniff, a referrer policy, and every hash any page's policy allows."""
    headers = _headers_from(site)
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"
    policy = {
        name: sources for name, *sources in (part.split() for part in headers["Content-Security-Policy"].split(";"))
    }
    assert policy["frame-ancestors"] == ["'none'"]
    for html_file in _pages(site):
        page_policy = _policy(html_file.read_text(encoding="utf-8"))
        for directive in ("script-src", "style-src"):
            assert set(page_policy[directive]) <= set(policy[directive]), (html_file, directive)


def test_pages_served_with_the_header_policy_have_no_violation_and_cannot_be_framed(
    browser: Browser, site: Path
) -> None:
    """Served with the generated headers, both policies apply at once: one page for each distinct meta policy
    (every combination of hashes) loads with no violation, and a page that frames the site is refused."""
    headers = _headers_from(site)

    class WithHeaders(_QuietHandler):
        def end_headers(self) -> None:
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

    by_policy: dict[str, Path] = {}
    for html_file in _pages(site):
        by_policy.setdefault(POLICY_META.search(html_file.read_text(encoding="utf-8"))["policy"], html_file)
    served = serve(site, WithHeaders)
    base = next(served)
    context = browser.new_context(base_url=base)
    watched = Watched(context)
    loaded = watched.sweep(["/" + str(path.relative_to(site)) for path in by_policy.values()])
    assert loaded >= 5 and watched.problems == []
    response = watched.page.goto("/")
    assert response is not None and response.headers["content-security-policy"] == headers["Content-Security-Policy"]
    _injected_inline_script_is_blocked(watched)
    # A page elsewhere that frames the site: the frame is refused (frame-ancestors), so its document never loads.
    watched.page.set_content(f'<iframe src="{base}/"></iframe>', wait_until="load")
    assert watched.page.frames[1].evaluate("document.querySelector('.md-header') === null")
    assert any("frame-ancestors" in problem for problem in watched.problems), watched.problems
    context.close()
    next(served, None)


def test_validate_finds_inline_code_in_docs_pages_at_its_place_but_not_in_code() -> None:
    """Review F8b: javascript: links and attr_list onclick in docs/ were found only by the build, with no line;
    validate now reports each at file:line:col, however the URL is written, and not what is shown as code."""
    markdown = (
        "# About\n\n<script>\nrun()\n</script>\n\n"
        "[Go](javascript:go()) and [ok](https://example.org/a:b) and [e](java&#x09;script&colon;x)\n\n"
        'A button\n{ onclick="go()" }\n\n'
        "Shown: `<script>` and `[x](javascript:y)`, and { .note } is fine.\n\n"
        '```html\n<script>shown()</script>\n<a onclick="x">\n```\n\n'
        "[ref]: javascript:go()\n<javascript:go()>\n"
    )
    found = [str(problem).split(" is blocked")[0] for problem in inline_code_problems(markdown, "docs/about.md")]
    assert found == [
        "docs/about.md:3:1: an inline <script>",
        "docs/about.md:7:6: a javascript: URL",
        "docs/about.md:7:65: a javascript: URL",
        "docs/about.md:10:3: an attribute onclick= in { … }",
        "docs/about.md:19:8: a javascript: URL",
        "docs/about.md:20:2: a javascript: URL",
    ]
