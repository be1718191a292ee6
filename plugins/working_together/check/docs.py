"""Hand-written pages in docs/: every [[provision-id]] citation and {{ block }} placeholder names something real,
and nothing under docs/ is a symbolic link (MkDocs would copy whatever it leads to, .git/config or a file anywhere
on the machine, into the site)."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from ..load.files import Unreadable, read_text
from ..model import CROSS_REFERENCE, Corpus
from ..problems import Position, Problem
from ..publish.csp import inline_code, is_javascript_url
from .suggest import did_you_mean

LINK_FIX = "put the file itself in docs/ instead of a link"
CODE_FIX = (
    "put scripts in a file listed under extra_javascript and styles in a stylesheet (a class with a rule), "
    "and link to pages, not javascript:"
)
# Code spans and fenced blocks are shown as text, never run: blanked (offsets kept) before looking for code.
_SHOWN_AS_CODE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[`~]*[ \t]*$|(`+)[^`]*?\2", re.M | re.S)
_ELEMENT = re.compile(r"<(script|style)\b", re.I)
# Markdown's own ways to write a URL: [text](url), a reference definition, an autolink.
_MARKDOWN_URL = re.compile(
    r"\]\(\s*<?(?P<a>[^)\s>]+)|^ {0,3}\[[^\]\n]+\]:\s*<?(?P<b>\S+)|<(?P<c>[a-z][^>\s]*:[^>\s]*)>", re.I | re.M
)
# attr_list's { … } after a paragraph, heading or link, which Python-Markdown turns into attributes.
_ATTRIBUTE_LIST = re.compile(r"\{:?[^{}\n]*\}")
_ATTRIBUTE_CODE = re.compile(r"(?<![\w-])(on[a-z]+|style)\s*=", re.I)

BLOCK = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
# The blocks publish/citations.py fills in; a test keeps the two lists equal.
BLOCK_NAMES = ("legend", "editions", "start_here", "currency", "scope")


def docs_problems(
    corpus: Corpus, docs_dir: Path, project_dir: Path, markdown_settings: tuple[list, dict] | None = None
) -> list[Problem]:
    """Every symbolic link under docs_dir, every unknown citation or block in its Markdown pages, and everything
    the Content-Security-Policy would block in them; with the build's Markdown extensions and their settings, also
    what only shows once the page is rendered."""
    problems: list[Problem] = []
    pages, links = docs_files(docs_dir)
    for path in links:
        problems.append(Problem(Position(_name(path, project_dir), 1, 1), "", link_message(path), LINK_FIX))
    for path in pages:
        name = _name(path, project_dir)
        try:
            markdown = read_text(path)
        except Unreadable as error:
            problems.append(Problem(Position(name, error.line, error.column), "", error.message, error.fix))
            continue
        problems.extend(page_problems(markdown, corpus, name))
        blocked = inline_code_problems(markdown, name)
        problems.extend(blocked)
        # The Markdown's own text places most blocked code at its line; rendering finds the rest (one report each).
        if markdown_settings is not None and not blocked:
            from .docs_markup import markup_problems  # publish/citations.py, which it uses, imports this module

            page = path.relative_to(docs_dir).as_posix()
            problems.extend(markup_problems(markdown, corpus, page, name, *markdown_settings))
    return problems


def inline_code_problems(markdown: str, display_name: str) -> list[Problem]:
    """Code in a hand-written page that the Content-Security-Policy blocks (the build fails on it too): a raw
    <script> or <style>, an on…= or style= attribute in HTML or attr_list, a javascript: URL however written."""
    text = _SHOWN_AS_CODE.sub(lambda code: re.sub(r"[^\n]", " ", code[0]), markdown)
    found = [(match.start(), f"an inline <{match[1].lower()}>") for match in _ELEMENT.finditer(text)]
    found += [(finding.offset, finding.what) for finding in inline_code(text).blocked]
    for match in _MARKDOWN_URL.finditer(text):
        group = next(name for name in "abc" if match[name] is not None)
        if is_javascript_url(html.unescape(match[group])):
            found.append((match.start(group), "a javascript: URL"))
    for attributes in _ATTRIBUTE_LIST.finditer(text):
        for attribute in _ATTRIBUTE_CODE.finditer(attributes[0]):
            found.append((attributes.start() + attribute.start(), f"an attribute {attribute[1].lower()}= in {{ … }}"))
    return [
        _problem(markdown, offset, display_name, f"{what} is blocked by the Content-Security-Policy", CODE_FIX)
        for offset, what in sorted(set(found))
    ]


def docs_files(docs_dir: Path) -> tuple[list[Path], list[Path]]:
    """The Markdown pages under docs_dir, and every symbolic link there (never followed); dot-folders and dot-files
    are skipped, as MkDocs skips them."""
    pages: list[Path] = []
    links: list[Path] = []
    for folder, folders, files in os.walk(docs_dir):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted([*folders, *files]):
            path = Path(folder) / name
            if name.startswith("."):
                continue
            if path.is_symlink():
                links.append(path)
            elif name in files and name.endswith(".md"):
                pages.append(path)
        folders[:] = [name for name in folders if not (Path(folder) / name).is_symlink()]
    return pages, links


def linked(path: Path, docs_dir: Path) -> bool:
    """Is `path`, or a folder between docs_dir and it, a symbolic link?"""
    docs = Path(os.path.abspath(docs_dir))
    path = Path(os.path.abspath(path))
    if docs not in path.parents:
        return False
    return any(step.is_symlink() for step in [path, *path.parents[: len(path.parents) - len(docs.parents) - 1]])


def link_message(path: Path) -> str:
    """Why a link under docs/ is refused; where it leads is not said (it may name a secret's place)."""
    kind = "folder" if path.is_dir() else "file"
    return f"is a symbolic link to a {kind}, so it is not published"


def _name(path: Path, project_dir: Path) -> str:
    """The path as written, relative to the project (never where a link leads)."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(project_dir)).as_posix()
    except ValueError:
        return path.as_posix()


def page_problems(markdown: str, corpus: Corpus, display_name: str) -> list[Problem]:
    """Every citation of an unknown provision and every unknown block in one page."""
    problems = [
        _problem(
            markdown,
            match,
            display_name,
            f"unknown provision [[{match[1]}]]{did_you_mean(match[1], corpus.provisions)}",
            "correct the id inside [[...]] to one from guidance/provisions/",
        )
        for match in CROSS_REFERENCE.finditer(markdown)
        if match[1] not in corpus.provisions and not corpus.unloaded.may_define("provision", match[1])
    ]
    problems += [
        _problem(
            markdown,
            match,
            display_name,
            f"unknown block {{{{ {match[1]} }}}}{did_you_mean(match[1], BLOCK_NAMES)}",
            f"use one of: {', '.join(BLOCK_NAMES)}",
        )
        for match in BLOCK.finditer(markdown)
        if match[1] not in BLOCK_NAMES
    ]
    return problems


def _problem(markdown: str, match: re.Match[str] | int, display_name: str, message: str, fix: str) -> Problem:
    start = match if isinstance(match, int) else match.start()
    line = markdown.count("\n", 0, start) + 1
    column = start - (markdown.rfind("\n", 0, start) + 1) + 1
    return Problem(Position(display_name, line, column), "", message, fix)
