"""CONTRIBUTING.md's worked example, replayed on a copy: undo it, apply it as written, build, and see the amendment."""

from __future__ import annotations

import difflib
import itertools
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PROJECT, build_site
from test_editions import _substance
from working_together.__main__ import main
from working_together.changes import compare
from working_together.check import check
from working_together.load import load_corpus

GUIDE = PROJECT / "CONTRIBUTING.md"
BLOCK = re.compile(r"<!-- worked-example: (?P<what>[^>]+?) -->\n```[a-z]*\n(?P<body>.*?)```\n", re.S)
A = "{http://www.w3.org/2005/Atom}"


def _blocks() -> dict[str, str]:
    """The guide's marked code blocks, keyed by their marker, such as 'guidance/editions/2015.yml find'."""
    blocks = {match["what"]: match["body"] for match in BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))}
    assert blocks, "no worked-example blocks found in CONTRIBUTING.md"
    return blocks


def _edits() -> list[tuple[str, str, str]]:
    """(file, find, replace) for each file the example edits."""
    blocks = _blocks()
    files = sorted({what.rsplit(" ", 1)[0] for what in blocks if what.endswith((" find", " replace"))})
    assert files
    return [(file, blocks[f"{file} find"], blocks[f"{file} replace"]) for file in files]


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: the guide's text should occur exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_worked_example_is_what_the_guidance_really_says() -> None:
    """Each edit's result is in the real files, so the guide shows a change that was really published."""
    for file, _, replace in _edits():
        assert (PROJECT / file).read_text(encoding="utf-8").count(replace) == 1, file


def test_replaying_the_worked_example_amends_the_provision_on_the_page_and_in_the_feed(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Undo the example on a copy, apply it as written, build strictly: the amendment is on the page and in the feed."""
    edits = _edits()
    for file, find, replace in edits:
        _replace_once(project_copy / file, replace, find)
    corpus, problems = load_corpus(project_copy / "guidance", project_copy, project_copy / "decision_trees")
    assert problems + check(corpus) == []
    assert "scr-national-panel" not in [a.provision.id for a in compare(corpus, "2013", "2015").amended]

    for file, find, replace in edits:
        _replace_once(project_copy / file, find, replace)
    monkeypatch.chdir(project_copy)
    assert main(["validate"]) == 0
    assert main(["diff", "2013", "2015"]) == 0
    assert _blocks()["diff output"].strip() in capsys.readouterr().out.splitlines()

    build_site(project_copy, project_copy / "site")
    page = (project_copy / "site/editions/2015/changes/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    title = "The national panel of independent experts on serious case reviews"
    heading = soup.find("a", string=title).find_parent("h3")
    assert heading.find_previous("h2").get_text() == "Amended"
    cells = [cell.get_text() for cell in heading.find_next("table").find_all("td")]
    assert "new national panel" in cells[0] and "continues to offer advice" in cells[1]
    feed = ElementTree.parse(project_copy / "site/feed.xml").getroot()
    entries = {entry.findtext(f"{A}id"): entry for entry in feed.findall(f"{A}entry")}
    entry = entries["tag:working-together.reference-edition,2025:edition/2015/provision/scr-national-panel"]
    assert entry.find(f"{A}category").get("term") == "amended"
    assert entry.findtext(f"{A}title") == f"Amended in the 2015 edition: {title}"


NEW_EDITION = re.compile(r"<!-- new-edition: (?P<what>[^>]+?) -->\n```[a-z]*\n(?P<body>.*?)```\n", re.S)
COUNT = re.compile(r"It takes \*\*(?P<count>\d+) lines of YAML\*\*")


def _new_edition() -> tuple[dict[str, str], list[tuple[list[str], str, str]], str]:
    """The 2016 example: new files, (files, find, replace) edits in the guide's order, and the diff it prints."""
    new, edits, finds, diff = {}, [], {}, ""
    for match in NEW_EDITION.finditer(GUIDE.read_text(encoding="utf-8")):
        what, body = match["what"], match["body"]
        if what == "diff output":
            diff = body
            continue
        files, action = what.rsplit(" ", 1)
        if action == "new":
            new[files] = body
        elif action == "find":
            finds[files] = body
        else:
            edits.append((files.split(), finds.pop(files), body))
    assert new and edits and diff and not finds, "the guide's 2016 example is incomplete"
    return new, edits, diff


def yaml_lines_written(new: dict[str, str], edits: list[tuple[list[str], str, str]]) -> int:
    """Lines a maintainer types or deletes: every line of a new file, and each line an edit adds or removes."""
    count = sum(len(body.splitlines()) for body in new.values())
    for files, find, replace in edits:
        changed = [line for line in difflib.ndiff(find.splitlines(), replace.splitlines()) if line[:2] in ("+ ", "- ")]
        count += len(changed) * len(files)
    return count


def test_the_new_edition_example_takes_the_lines_the_guide_says_and_copies_nothing() -> None:
    """The 2016 example needs at most 120 YAML lines, as the guide states, and repeats no 2015 contents."""
    new, edits, _ = _new_edition()
    count = yaml_lines_written(new, edits)
    print(f"2016 worked example: {count} YAML lines written")  # shown by pytest -s, for the closing note
    assert count <= 120
    assert int(COUNT.search(GUIDE.read_text(encoding="utf-8"))["count"]) == count
    edition = yaml.safe_load(new["guidance/editions/2016.yml"])
    assert "chapters" not in edition  # the table of contents is inherited, not copied
    named = set(edition["remove"]) | {addition["provision"] for addition in edition["add"]}
    assert named == {"channel-panels", "learning-from-near-misses"}


def test_replaying_the_new_edition_example_publishes_2016(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Apply the 2016 example to a copy: it validates, diff prints what the guide says, and the pages show it."""
    new, edits, diff = _new_edition()
    for files, find, replace in edits:
        for file in files:
            _replace_once(project_copy / file, find, replace)
    for file, body in new.items():
        (project_copy / file).write_text(body, encoding="utf-8")
    monkeypatch.chdir(project_copy)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("OK: 4 editions")
    assert main(["diff", "2015", "2016"]) == 0
    assert capsys.readouterr().out == diff
    _assert_no_version_repeats_its_predecessor(project_copy / "guidance/provisions")

    build_site(project_copy, project_copy / "site")
    site = project_copy / "site"
    changes = BeautifulSoup((site / "editions/2016/changes/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "1 added, 0 updated, 2 amended, 1 withdrawn." in changes.get_text()
    withdrawn = changes.find("a", string="Channel panels").find_parent("li").get_text()
    assert "Fictional withdrawal" in withdrawn
    chapter_2 = BeautifulSoup((site / "editions/2016/chapter-2/index.html").read_text(encoding="utf-8"), "html.parser")
    box = chapter_2.find("p", class_="admonition-title", string="Changed in this edition").parent
    number = load_corpus(PROJECT / "guidance", PROJECT)[0].edition("2015").placements["channel-panels"].number
    assert [li.get_text() for li in box.find_all("li")] == [
        f"Channel panels: withdrawn (it was {number} in the 2015 edition)"
    ]
    chapter_4 = BeautifulSoup((site / "editions/2016/chapter-4/index.html").read_text(encoding="utf-8"), "html.parser")
    box = chapter_4.find("p", class_="admonition-title", string="Changed in this edition").parent
    assert [li.get_text().split(": ", 1)[1] for li in box.find_all("li")] == [
        "amended (clarification or wording)",
        "amended (changed practice)",
        "added",
    ]
    early_help = BeautifulSoup((site / "provisions/early-help/index.html").read_text(encoding="utf-8"), "html.parser")
    assert early_help.find(id="edition-2016").get_text().startswith("2016 edition (latest in these sources): 1.")
    record = json.loads((site / "data/provisions/learning-from-near-misses.json").read_text(encoding="utf-8"))
    assert [(row["edition"], row["number"]) for row in record["editions"]] == [("2016", "4.5")]
    feed = ElementTree.parse(site / "feed.xml").getroot()
    entries = {entry.findtext(f"{A}id"): entry for entry in feed.findall(f"{A}entry")}
    entry = entries["tag:working-together.reference-edition,2025:edition/2016/provision/seriously-harmed-definition"]
    assert "(changed practice) in the 2016 edition" in entry.findtext(f"{A}summary")
    tree = (site / "trees/child-death/index.html").read_text(encoding="utf-8")
    assert "Not yet reviewed against the 2016 edition" in tree


def _assert_no_version_repeats_its_predecessor(provisions: Path) -> None:
    for path in sorted(provisions.glob("*.yml")):
        for provision in yaml.safe_load(path.read_text(encoding="utf-8"))["provisions"]:
            said = [_substance(version) for version in provision["versions"]]
            assert all(before != after for before, after in itertools.pairwise(said)), provision["id"]
