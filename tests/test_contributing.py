"""CONTRIBUTING.md's worked example, replayed on a copy: undo it, apply it as written, build, and see the amendment."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT, build_site
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
