"""A partnership's local overlay: its notes and contacts beside the right national text, always marked as local."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, axe_violations, build_site, open_page, serve
from mkdocs.exceptions import Abort
from playwright.sync_api import Browser
from working_together.__main__ import main
from working_together.check import check
from working_together.load import load_corpus
from working_together.render.overlay import provision_local_notes

EXAMPLE = "local/example-overlay.yml"
PARTNERSHIP = "Northshire Safeguarding Children Partnership (fictional example)"


def with_overlay(project: Path, overlay: str = EXAMPLE) -> Path:
    """A copy of the project whose mkdocs.yml sets the plugin's overlay option."""
    for name in ("guidance", "docs", "decision_trees", "local"):
        shutil.copytree(PROJECT / name, project / name)
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    option = "      trees_dir: decision_trees\n"
    assert option in config
    (project / "mkdocs.yml").write_text(config.replace(option, f"{option}      overlay: {overlay}\n"), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def local_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built with the example overlay."""
    project = with_overlay(tmp_path_factory.mktemp("overlay"))
    build_site(project, project / "site")
    return project / "site"


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _assert_local(block, text: str) -> None:  # noqa: ANN001 - a bs4 Tag
    """The block is marked local in words and icon, names the partnership, and holds the note."""
    assert block is not None
    label = block.find(class_="wt-local__label")
    assert label.find("strong").get_text() == "Local information"
    assert label.find("svg") is not None
    assert f"added by {PARTNERSHIP}, not national guidance" in label.get_text()
    # get_text() without a separator: abbreviations are <abbr> elements and a separator would split "(LADO)".
    assert text in " ".join(block.get_text().split())


def test_a_local_note_sits_inside_its_provision_on_the_current_chapter(local_site: Path) -> None:
    """The note is inside the provision's own block, marked local, with its contacts as tel: links."""
    page = _soup(local_site, "editions/2015/chapter-1")
    provision = page.find(id="referral-decision-one-working-day").find_parent(class_="wt-provision")
    block = provision.find("aside", class_="wt-local")
    _assert_local(block, "confirm it in writing within 48 hours")
    phones = {a.get_text(): a["href"] for a in block.find_all("a", class_="wt-local__phone")}
    assert phones == {"01632 960001": "tel:01632960001", "01632 960002": "tel:01632960002"}
    assert len(page.find_all("aside", class_="wt-local")) == 1  # beside that provision only


def test_a_local_note_is_on_the_provisions_permanent_page(local_site: Path) -> None:
    """Trainers' permanent links show the local note too."""
    _assert_local(_soup(local_site, "provisions/designated-officer-qualifications").find("aside"), "safeguarding unit")


def test_a_local_note_sits_inside_its_tree_outcome(local_site: Path) -> None:
    """The designated officer outcome of the allegations tree carries the LADO's number, marked local."""
    page = _soup(local_site, "trees/allegation-against-someone-who-works-with-children")
    outcome = page.find(id="node-designated-officer").find_parent(class_="wt-node")
    block = outcome.find("aside", class_="wt-local")
    _assert_local(block, "the same working day")
    assert block.find("a", class_="wt-local__phone")["href"] == "tel:01632960003"
    assert page.find(id="node-coordinate").find_parent(class_="wt-node").find("aside") is None


def test_the_home_page_and_the_local_page_list_the_contacts(local_site: Path) -> None:
    """The home page shows every local contact; /local/ lists every note with a link to what it sits beside."""
    home = _soup(local_site, ".").find("aside", class_="wt-local")
    _assert_local(home, "Northshire designated officer (LADO): 01632 960003")
    local = _soup(local_site, "local")
    assert local.find("h1").get_text() == f"Local information: {PARTNERSHIP}"
    links = [h3.find("a")["href"] for h3 in local.find_all("h3")]
    assert "../trees/allegation-against-someone-who-works-with-children/#node-designated-officer" in links
    assert len(local.find_all("aside", class_="wt-local")) == 4


def test_the_default_site_shows_no_local_content(site: Path) -> None:
    """Without the overlay option nothing local is built or shown."""
    assert not (site / "local").exists()
    for html_file in site.rglob("*.html"):
        assert "wt-local" not in html_file.read_text(encoding="utf-8"), html_file


def test_local_text_is_escaped(tmp_path: Path) -> None:
    """A note's text is shown as written: no HTML or Markdown from the overlay is acted on."""
    overlay = tmp_path / "overlay.yml"
    overlay.write_text(
        "partnership: A <b>partnership</b>\nnotes:\n"
        "  - provision: early-help\n    text: <script>x</script> *not bold*\n",
        encoding="utf-8",
    )
    corpus, problems = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees", overlay)
    assert problems == [] and check(corpus) == []
    markdown = provision_local_notes(corpus, "early-help")
    assert "&lt;script&gt;x&lt;/script&gt; \\*not bold\\*" in markdown
    assert "A &lt;b&gt;partnership&lt;/b&gt;" in markdown and "<b>" not in markdown


BAD_OVERLAYS = [
    # (note written in the overlay, the exact problem reported)
    ("  - provision: early-halp\n    text: x\n", "7:16: notes[0].provision: unknown provision 'early-halp' (did you "),
    ("  - tree: child-deaths\n    node: x\n    text: x\n", "7:11: notes[0].tree: unknown decision tree 'child-dea"),
    (
        "  - tree: worried-about-a-child\n    node: call-99\n    text: x\n",
        "8:11: notes[0].node: unknown node 'call-99' in tree 'worried-about-a-child' (did you mean 'call-999'?)",
    ),
    (
        "  - tree: worried-about-a-child\n    node: immediate-danger\n    text: x\n",
        "8:11: notes[0].node: 'immediate-danger' is a question, not an outcome — attach local notes to outcomes",
    ),
    ("  - text: x\n", "7:5: notes[0]: a local note needs either 'provision:' or both 'tree:' and 'node:'"),
    (
        "  - provision: early-help\n    text: x\n    contacts: [lad]\n",
        "9:16: notes[0].contacts: unknown local contact 'lad' (did you mean 'lado'?)",
    ),
]


@pytest.mark.parametrize(("note", "expected"), BAD_OVERLAYS)
def test_a_bad_overlay_note_is_reported_at_its_position(tmp_path: Path, note: str, expected: str) -> None:
    """Unknown provisions, trees, nodes and contacts, and notes attached to nothing, are positioned problems."""
    overlay = tmp_path / "overlay.yml"
    contacts = "contacts:\n  - id: lado\n    name: LADO\n    phone: 01632 960003\nnotes:\n"
    overlay.write_text(f"partnership: P\n{contacts}{note}", encoding="utf-8")
    corpus, problems = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees", overlay)
    messages = [str(problem) for problem in problems + check(corpus)]
    assert len(messages) == 1 and messages[0].startswith(f"{overlay.as_posix()}:{expected}"), messages


def test_a_phone_number_with_letters_is_a_schema_problem(tmp_path: Path) -> None:
    """Phone numbers are digits and single spaces, so the tel: link always dials what is shown."""
    overlay = tmp_path / "overlay.yml"
    overlay.write_text("partnership: P\ncontacts:\n  - id: x\n    name: X\n    phone: call 999\n", encoding="utf-8")
    _, problems = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees", overlay)
    assert [str(problem) for problem in problems] == [
        f"{overlay.as_posix()}:5:12: contacts[0].phone: 'call 999' is not in the expected form — write a telephone "
        "number of digits and single spaces, like 01632 960000"
    ]


def test_a_bad_overlay_fails_the_build_with_its_position(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The build stops before writing anything, naming the overlay file, line and column."""
    project = with_overlay(tmp_path)
    example = project / EXAMPLE
    example.write_text(example.read_text(encoding="utf-8").replace("node: designated-officer", "node: lado"))
    with pytest.raises(Abort):
        build_site(project, project / "site")
    assert "local/example-overlay.yml:32:11: notes[2].node: unknown node 'lado' in tree" in caplog.text
    assert not (project / "site").exists()


@pytest.fixture(scope="module")
def local_url(local_site: Path) -> Iterator[str]:
    """The overlay site served over HTTP."""
    yield from serve(local_site)


@pytest.mark.parametrize(
    "path", ["/", "/local/", "/editions/2015/chapter-1/", "/trees/allegation-against-someone-who-works-with-children/"]
)
def test_pages_with_local_content_have_no_accessibility_violations(browser: Browser, local_url: str, path: str) -> None:
    """Local blocks pass axe's WCAG 2.2 A and AA rules, contrast included."""
    page, _ = open_page(browser, local_url)
    page.goto(path)
    assert axe_violations(page) == []
    page.context.close()


def test_validate_checks_an_overlay_when_given_one(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    """`python -m working_together validate --overlay FILE` checks the overlay with the national content."""
    monkeypatch.chdir(PROJECT)
    assert main(["validate", "--overlay", EXAMPLE]) == 0
    assert capsys.readouterr().out.startswith("OK:")
