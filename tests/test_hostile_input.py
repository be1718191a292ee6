"""Hostile YAML: mutated guidance loads and checks cleanly or fails with file:line:col problems, never a crash."""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, build_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort
from small_guidance import FILES, SMALL_TREE, write_small_guidance, write_small_tree
from working_together.__main__ import main
from working_together.check import check, load_and_check
from working_together.load import load_corpus
from working_together.load.files import Unreadable, read_text
from working_together.load.schema import _true_end
from working_together.load.yaml_positions import MAX_DEPTH, YamlProblem, read_yaml
from working_together.render import generated_pages

# Derandomized and without an example database, so CI runs exactly the same cases every time.
FAST = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
POSITIONED = re.compile(r"^(guidance|decision_trees)/[^:]+\.yml:[1-9]\d*:[1-9]\d*: \S")

SMALL_YAML = [name for name in FILES if name.endswith(".yml")] + ["../decision_trees/worried.yml"]
REAL_YAML = sorted(
    path.relative_to(PROJECT / "guidance").as_posix() for path in (PROJECT / "guidance").rglob("*.yml")
) + sorted(f"../decision_trees/{path.name}" for path in (PROJECT / "decision_trees").glob("*.yml"))

# Characters that break naive text handling: bidi controls, zero-width, combining, astral,
# NUL and other controls, line and paragraph separators, a byte-order mark.
ODD_CHARACTERS = [
    "\u200f", "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u0301", "e\u0301\u0301\u0301",
    "\U0001f600", "\U0001d54f", "\U00010000", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029",
    "\t", "\r", "\r\n", "\\", '"', "'", ":", "- ", "#", "&a", "*a", "!!python/object:os.system", "{", "[", "%",
]  # fmt: skip
WRONG_TYPES = [42, 4.2, True, False, None, [], {}, ["x"], {"x": "y"}, "", "x", [[[]]], {"id": None}]


def hostile_text() -> st.SearchStrategy[str]:
    """Odd unicode, control characters and very long strings (no lone surrogates: a file cannot hold them)."""
    characters = st.characters(exclude_categories=("Cs",))
    return st.one_of(
        st.lists(st.one_of(st.sampled_from(ODD_CHARACTERS), characters), max_size=40).map("".join),
        st.builds(lambda chunk, times: chunk * times, st.sampled_from(["x", "é", "\U0001f600 ", "a b "]),
                  st.integers(1_000, 200_000)),
    )  # fmt: skip


def nested(depth: int, mapping: bool) -> object:
    """A value nested `depth` lists or mappings deep."""
    value: object = "leaf"
    for _ in range(depth):
        value = {"k": value} if mapping else [value]
    return value


def plain(data: object) -> object:
    """Positioned YAML data as plain dicts and lists, so PyYAML can write it back."""
    if isinstance(data, dict):
        return {key: plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [plain(item) for item in data]
    return data


def paths_in(data: object, prefix: tuple = ()) -> list[tuple]:
    """Every path (keys and indexes) to a node of the data, the root included."""
    found = [prefix]
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in children:
        found += paths_in(value, (*prefix, key))
    return found


def get(data: object, path: tuple) -> object:
    for key in path:
        data = data[key]
    return data


def put(data: object, path: tuple, value: object) -> object:
    """The data with the node at path replaced (the root itself when path is empty)."""
    if not path:
        return value
    get(data, path[:-1])[path[-1]] = value
    return data


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    """One hostile change to a valid YAML text: to its data (types, fields, strings, nesting) or to its characters."""
    data = plain(yaml.load(text, Loader=yaml.BaseLoader))
    paths = paths_in(data)
    kind = draw(
        st.sampled_from(
            ["wrong type", "missing field", "unknown field", "hostile string", "deep nesting",
             "tab", "duplicate key", "alias bomb", "odd character", "truncated"]
        )
    )  # fmt: skip
    if kind == "wrong type":
        return dump(put(data, draw(st.sampled_from(paths)), draw(st.sampled_from(WRONG_TYPES))))
    if kind == "missing field":
        mappings = [path for path in paths if isinstance(get(data, path), dict) and get(data, path)]
        path = draw(st.sampled_from(mappings))
        del get(data, path)[draw(st.sampled_from(sorted(get(data, path))))]
        return dump(data)
    if kind == "unknown field":
        mappings = [path for path in paths if isinstance(get(data, path), dict)]
        get(data, draw(st.sampled_from(mappings)))[draw(hostile_text())] = draw(hostile_text())
        return dump(data)
    if kind == "hostile string":
        strings = [path for path in paths if isinstance(get(data, path), str)]
        return dump(put(data, draw(st.sampled_from(strings)), draw(hostile_text())))
    if kind == "deep nesting":
        value = nested(draw(st.integers(1, 3 * MAX_DEPTH)), draw(st.booleans()))
        return dump(put(data, draw(st.sampled_from(paths)), value))
    lines = text.splitlines(keepends=True)
    line = draw(st.integers(0, len(lines) - 1))
    if kind == "tab":
        lines[line] = "\t" + lines[line].lstrip(" ")
    elif kind == "duplicate key":
        lines.insert(line, lines[line])
    elif kind == "alias bomb":
        bomb = ["bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"]
        bomb += [f"bomb{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9)}]\n" for i in range(1, 10)]
        lines[line:line] = bomb
    elif kind == "odd character":
        offset = draw(st.integers(0, len(lines[line])))
        lines[line] = lines[line][:offset] + draw(st.sampled_from(ODD_CHARACTERS)) + lines[line][offset:]
    else:
        return text[: draw(st.integers(0, len(text)))]
    return "".join(lines)


def assert_clean_or_positioned(project: Path) -> list[str]:
    """Load, check and render the project's content; every problem must carry a file:line:col. Returns them."""
    # As validate and the build do: the checks also run on whatever part of a broken corpus loaded.
    corpus, problems = load_and_check(project, project / "guidance", project / "decision_trees")
    if not problems:
        assert generated_pages(corpus)
    messages = [str(problem) for problem in problems]
    for message in messages:
        assert POSITIONED.match(message), message
        assert message.isprintable(), f"one line, no invisible characters: {message!r}"
    return messages


def small_project(folder: Path) -> Path:
    write_small_guidance(folder)
    write_small_tree(folder)
    return folder


def small_text(name: str) -> str:
    return SMALL_TREE if name.startswith("../decision_trees/") else FILES[name]


@pytest.mark.parametrize("name", SMALL_YAML)
def test_the_round_trip_used_by_the_mutations_keeps_small_files_valid(tmp_path: Path, name: str) -> None:
    """Reading and rewriting an unmutated file changes nothing that matters, so mutations start from valid YAML."""
    project = small_project(tmp_path)
    (project / "guidance" / name).write_text(dump(plain(yaml.load(small_text(name), Loader=yaml.BaseLoader))))
    assert assert_clean_or_positioned(project) == []


@FAST
@given(st.data())
def test_mutated_small_guidance_loads_or_gives_positioned_problems(data: st.DataObject) -> None:
    """Any one hostile change to any file of the small corpus is either accepted or reported at file:line:col."""
    name = data.draw(st.sampled_from(SMALL_YAML))
    with tempfile.TemporaryDirectory() as folder:
        project = small_project(Path(folder))
        (project / "guidance" / name).write_text(data.draw(mutated(small_text(name))), encoding="utf-8")
        assert_clean_or_positioned(project)


@pytest.fixture(scope="module")
def real_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the real content, restored by each example after it mutates a file."""
    project = tmp_path_factory.mktemp("real")
    shutil.copytree(PROJECT / "guidance", project / "guidance")
    shutil.copytree(PROJECT / "decision_trees", project / "decision_trees")
    return project


@settings(
    FAST, max_examples=8, suppress_health_check=[*FAST.suppress_health_check, HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_mutated_real_guidance_loads_or_gives_positioned_problems(real_copy: Path, data: st.DataObject) -> None:
    """The same hostile changes to the real guidance and trees: accepted, or reported at file:line:col."""
    path = real_copy / "guidance" / data.draw(st.sampled_from(REAL_YAML))
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(data.draw(mutated(original)), encoding="utf-8")
        assert_clean_or_positioned(real_copy)
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("mapping", [False, True])
def test_nesting_deeper_than_the_limit_is_a_positioned_problem_not_a_recursion_error(
    tmp_path: Path, mapping: bool
) -> None:
    """Ten thousand nested lists or mappings stop at the depth limit with the line and column where it was passed."""
    path = tmp_path / "deep.yml"
    path.write_text("[" * 10_000 + "]" * 10_000 if not mapping else "{k: " * 10_000 + "x" + "}" * 10_000)
    with pytest.raises(YamlProblem) as raised:
        read_yaml(path, "guidance/deep.yml")
    # A mapping's key is a level of its own, so mappings stop one level earlier.
    column = MAX_DEPTH + 1 if not mapping else 4 * MAX_DEPTH - 2
    assert str(raised.value) == (
        f"guidance/deep.yml:1:{column}: nested more than {MAX_DEPTH} levels deep"
        " — flatten the structure: guidance files need only a few levels"
    )


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    """The limit rejects only what is deeper than it: exactly MAX_DEPTH levels still load."""
    path = tmp_path / "deep.yml"
    path.write_text("[" * MAX_DEPTH + "]" * MAX_DEPTH)
    expected: list = []
    for _ in range(MAX_DEPTH - 1):
        expected = [expected]
    assert read_yaml(path, "guidance/deep.yml") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: a\x00b\n", "guidance/x.yml:1:9: character U+0000 is not allowed in YAML"),
        ("id: x\ntitle: ok\x07\n", "guidance/x.yml:2:10: character U+0007 is not allowed in YAML"),
        ("id: x\n\n  - \x1b\n", "guidance/x.yml:3:5: character U+001B is not allowed in YAML"),
    ],
)
def test_control_characters_are_positioned_problems(tmp_path: Path, text: str, expected: str) -> None:
    """NUL and control characters, which PyYAML rejects before parsing, are reported at their line and column."""
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlProblem) as raised:
        read_yaml(path, "guidance/x.yml")
    assert str(raised.value).startswith(expected + " — ")


class _Errors(logging.Handler):
    """Collects what MkDocs logs at ERROR: a failed build's PluginError message goes there before Abort."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_outcome(project: Path) -> str:
    """Build the project strictly: 'built', or the logged error message; a failure must leave no site/."""
    errors = _Errors()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        build_site(project, project / "site")
    except Abort:
        assert not (project / "site").exists()
        assert errors.messages, "the build aborted without saying why"
        return "\n".join(errors.messages)
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    assert (project / "site" / "index.html").is_file()
    return "built"


def small_site(folder: Path) -> Path:
    project = small_project(folder)
    shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs").mkdir()
    for page in (PROJECT / "docs").glob("*.md"):
        (project / "docs" / page.name).write_text(f"# {page.stem}\n", encoding="utf-8")
    return project


@settings(FAST, max_examples=6)
@given(st.data())
def test_mutated_small_guidance_builds_or_fails_closed_with_positions(data: st.DataObject) -> None:
    """Through the real build: success, or a PluginError whose every line after the heading is positioned, no site/."""
    name = data.draw(st.sampled_from(SMALL_YAML))
    with tempfile.TemporaryDirectory() as folder:
        project = small_site(Path(folder))
        (project / "guidance" / name).write_text(data.draw(mutated(small_text(name))), encoding="utf-8")
        outcome = build_outcome(project)
        if outcome != "built":
            heading, *problems = outcome.splitlines()
            assert heading.endswith("nothing was built:") and problems, outcome
            assert all(POSITIONED.match(problem) for problem in problems), outcome


# ---------------------------------------------------------------------------------------------------------------
# The families of the 2026-12 hostile-input review: filesystem, tags, escapes, patterns. Each case ends in
# positioned problems (exact messages), never a traceback, a hang or a leak.


def problems_in(project: Path, overlay: Path | None = None) -> list[str]:
    """Every problem validate would print for the project, as text."""
    corpus, problems = load_corpus(project / "guidance", project, project / "decision_trees", overlay)
    return [str(problem) for problem in problems or check(corpus)]


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The small corpus in its own project folder, with a folder outside it to link to."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secrets.env").write_text("AWS_SECRET_ACCESS_KEY=FAKE-SECRET\n", encoding="utf-8")
    return small_project(tmp_path / "project")


NOT_A_FILE = "replace it by an ordinary text file, or remove it"
OUTSIDE = (
    "is a symbolic link that leads outside the content folders, so it is not read",
    "put the file itself in the content folder instead of a link",
)


def test_a_folder_named_like_a_yaml_file_is_a_positioned_problem(small: Path) -> None:
    """`mkdir guidance/provisions/new-topic.yml` was an IsADirectoryError traceback."""
    (small / "guidance" / "provisions" / "new-topic.yml").mkdir()
    assert problems_in(small) == [f"guidance/provisions/new-topic.yml:1:1: is a folder, not a file — {NOT_A_FILE}"]


def test_editor_lock_and_backup_files_are_ignored(small: Path) -> None:
    """Emacs's lock file (a dangling symlink while `make serve` runs), autosave, backup and swap files are not read."""
    folder = small / "guidance" / "provisions"
    (folder / ".#cases.yml").symlink_to("maintainer@laptop.1234:1700000000")
    for name in ("#cases.yml#", "cases.yml~", ".cases.yml.swp"):
        (folder / name).write_text("not: [yaml", encoding="utf-8")
    assert problems_in(small) == []


def test_a_fifo_is_refused_without_waiting_for_a_writer(small: Path) -> None:
    """A named pipe as a YAML file or as a source text hung validate and the build for ever."""
    os.mkfifo(small / "guidance" / "provisions" / "pipe.yml")
    (small / "guidance" / "sources" / "report.txt").unlink()
    os.mkfifo(small / "guidance" / "sources" / "report.txt")
    assert problems_in(small) == [
        f"guidance/provisions/pipe.yml:1:1: is a named pipe (FIFO), not a file — {NOT_A_FILE}",
        f"guidance/sources/report.yml:2:7: file: 'report.txt' is a named pipe (FIFO), not a file — {NOT_A_FILE}",
    ]


def test_a_device_is_refused_without_reading_it() -> None:
    """/dev/zero as a content file ate memory until killed; it is refused before any byte is read."""
    with pytest.raises(Unreadable) as raised:
        read_text(Path("/dev/zero"))
    assert (raised.value.message, raised.value.fix) == ("is a device, not a file", NOT_A_FILE)


@pytest.mark.parametrize(
    ("target", "message", "fix"),
    [
        ("loop.yml", "is a symbolic link that loops", "replace the link by the file itself"),
        ("missing.yml", "is a symbolic link to a file that does not exist", "replace the link by the file itself"),
        ("/dev/zero", *OUTSIDE),
        ("../../../outside/secrets.env", *OUTSIDE),
    ],
)  # fmt: skip
def test_symbolic_links_that_loop_dangle_or_leave_the_project_are_refused(
    small: Path, target: str, message: str, fix: str
) -> None:
    """A link is read only if it ends at a regular file inside the project; its content is never quoted."""
    (small / "guidance" / "provisions" / "loop.yml").symlink_to(target)
    problems = problems_in(small)
    assert problems == [f"guidance/provisions/loop.yml:1:1: {message} — {fix}"]
    assert "SECRET" not in "".join(problems)


def test_a_symbolic_link_inside_a_content_folder_is_read(small: Path) -> None:
    """Links that stay inside the content folders are ordinary content (a source text kept in another folder)."""
    (small / "guidance" / "texts").mkdir()
    (small / "guidance" / "sources" / "report.txt").rename(small / "guidance" / "texts" / "report.txt")
    (small / "guidance" / "sources" / "report.txt").symlink_to("../texts/report.txt")
    assert problems_in(small) == []


@pytest.mark.parametrize(
    "target",
    ["../../.git/config", "../../kept/cases.yml", "../.hidden/cases.yml", "../../.env"],
)
def test_a_link_to_git_a_dot_folder_or_the_rest_of_the_project_is_refused(small: Path, target: str) -> None:
    """F1 (high): a link to `.git/config` (where actions/checkout leaves the CI token) counted as inside the project
    and was published; now only the content folders are read, never a dot-folder, and nothing of the file is shown."""
    for folder in (".git", "kept", "guidance/.hidden"):
        (small / folder).mkdir(parents=True)
    secret = "AWS_SECRET_ACCESS_KEY=FAKE-SECRET\n"
    (small / ".git" / "config").write_text(f"[http]\n\textraheader = AUTHORIZATION: basic FAKE-TOKEN\n{secret}")
    (small / ".env").write_text(secret, encoding="utf-8")
    provisions = small / "guidance" / "provisions"
    for folder in ("kept", "guidance/.hidden"):
        shutil.copy(provisions / "cases.yml", small / folder / "cases.yml")
    (provisions / "cases.yml").unlink()
    (provisions / "cases.yml").symlink_to(target)
    problems = problems_in(small)
    assert problems == [f"guidance/provisions/cases.yml:1:1: {OUTSIDE[0]} — {OUTSIDE[1]}"]
    assert "FAKE" not in "".join(problems)


def test_a_dot_folder_inside_a_content_folder_is_never_read(small: Path) -> None:
    """guidance/.git/ or any other dot-folder is skipped whole: its YAML is neither loaded nor quoted."""
    (small / "guidance" / "provisions" / ".git").mkdir()
    (small / "guidance" / "provisions" / ".git" / "config.yml").write_text("AWS_SECRET_ACCESS_KEY: FAKE\n")
    assert problems_in(small) == []


def test_a_source_text_linked_from_outside_the_project_is_not_read(small: Path) -> None:
    """A `.txt` symlinked to a file outside the project was published on the site and in the search index."""
    text = small / "guidance" / "sources" / "report.txt"
    text.unlink()
    text.symlink_to(small.parent / "outside" / "secrets.env")
    problems = problems_in(small)
    assert problems == [f"guidance/sources/report.yml:2:7: file: 'report.txt' {OUTSIDE[0]} — {OUTSIDE[1]}"]


def test_a_linked_folder_is_one_problem_naming_it(small: Path) -> None:
    """A symlinked guidance/provisions/ was skipped silently, leaving only 'unknown provision' errors."""
    provisions = small / "guidance" / "provisions"
    provisions.rename(small.parent / "outside" / "provisions")
    provisions.symlink_to(small.parent / "outside" / "provisions")
    assert problems_in(small) == [
        "guidance/provisions:1:1: is a symbolic link to a folder, so it is not read — put the folder itself here"
    ]


def test_a_content_folder_linked_out_of_the_project_is_refused(small: Path) -> None:
    """`guidance/` itself as a link to a folder elsewhere on the machine is refused as a whole, once."""
    guidance = small / "guidance"
    guidance.rename(small.parent / "outside" / "guidance")
    guidance.symlink_to(small.parent / "outside" / "guidance")
    assert problems_in(small) == [f"guidance:1:1: {OUTSIDE[0]} — {OUTSIDE[1]}"]


def test_an_unreadable_file_is_a_positioned_problem(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 (as any user but root) was a PermissionError traceback. Root reads anything, so the OS is asked
    to refuse through os.open, exactly as it does for a user without permission."""
    refused = small / "guidance" / "roles.yml"
    real_open = os.open

    def deny(path: object, *args: object, **kwargs: object) -> int:
        if Path(path) == refused:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    assert problems_in(small) == [
        "guidance/roles.yml:1:1: cannot read the file: permission denied — let the user who builds the site read it"
        " (chmod u+r)"
    ]


def test_an_unreadable_folder_is_one_problem_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unreadable guidance/provisions/ gave 556 'unknown provision' errors that never named the folder."""
    project = tmp_path / "project"
    shutil.copytree(PROJECT / "guidance", project / "guidance")
    shutil.copytree(PROJECT / "decision_trees", project / "decision_trees")
    refused = project / "guidance" / "provisions"
    real_scandir = os.scandir

    def deny(path: object) -> object:
        if Path(path) == refused:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", deny)
    assert problems_in(project) == [
        "guidance/provisions:1:1: cannot read the folder: permission denied — let the user who builds the site read"
        " it (chmod u+rx)"
    ]


def test_a_missing_overlay_is_a_positioned_problem(
    small: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`validate --overlay` naming a file that is not there was a FileNotFoundError traceback."""
    monkeypatch.chdir(small)
    assert main(["validate", "--overlay", "local/missing.yml"]) == 1
    assert capsys.readouterr().out == (
        "local/missing.yml:1:1: the file does not exist — restore the file, or correct the path that names it\n"
    )


TAG_FIX = "remove the tag: guidance values are plain text, lists and mappings"


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!timestamp 2015-02-30", "!!timestamp"),
        ("!!int " + "1" * 5000, "!!int"),
        ("!!int 0x" + "f" * 20000, "!!int"),
        ("!!float 1e999999", "!!float"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!!python/object/apply:os.system [touch canary]", "!!python/object/apply:os.system"),
        ("!custom x", "!custom"),
    ],
)
def test_explicit_yaml_tags_are_refused_at_the_tag(small: Path, value: str, tag: str) -> None:
    """Tags made PyYAML's constructors raise ValueError (impossible dates, over 4300 digits); none is needed."""
    roles = small / "guidance" / "roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("name: Social worker", f"name: {value}"))
    assert problems_in(small) == [f"guidance/roles.yml:3:11: YAML tag '{tag}' is not allowed — {TAG_FIX}"]


@pytest.mark.parametrize("value", ["!!str Social worker", "!<tag:yaml.org,2002:str> Social worker"])
def test_tags_that_change_nothing_are_read(small: Path, value: str) -> None:
    """`!!str` and its verbatim form mean the same text, so they stay valid."""
    roles = small / "guidance" / "roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("name: Social worker", f"name: {value}"))
    assert problems_in(small) == []


ESCAPE_FIX = (
    "remove it: it is invisible or changes how the text is shown (written as an escape such as \\0, \\e or "
    "\\u202e, or pasted from another program)"
)


@pytest.mark.parametrize(
    ("escape", "character"),
    [
        ("\\0", "U+0000"),
        ("\\e[2J", "U+001B"),
        ("\\x02wzxhzdk:0\\x03", "U+0002"),
        ("\\ud800", "U+D800"),
        ("\\uffff", "U+FFFF"),
        ("\\u202e", "U+202E (right-to-left override)"),
        ("\\u200b", "U+200B (zero width space)"),
        ("\\u2066", "U+2066 (left-to-right isolate)"),
        ("\\ufeff", "U+FEFF (zero width no-break space)"),
        ("\\u2028", "U+2028 (line separator)"),
        ("\\N", "U+0085"),
        ("\\r", "U+000D"),
    ],
)
def test_invisible_characters_written_as_escapes_are_refused(small: Path, escape: str, character: str) -> None:
    """Escapes got NUL into feed.xml, placeholders into <abbr title> and a lone surrogate into a crashed build."""
    glossary = small / "guidance" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("expansion: Local Safeguarding Children Board", f'expansion: "Board {escape}"'))
    assert problems_in(small) == [f"guidance/glossary.yml:4:16: the text contains {character} — {ESCAPE_FIX}"]


def test_tab_and_line_breaks_in_text_are_still_allowed(small: Path) -> None:
    """The refusal is of invisible characters only: a tab and a line break inside text are ordinary."""
    glossary = small / "guidance" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("expansion: Local Safeguarding Children Board", 'expansion: "Local\\tBoard\\nx"'))
    assert problems_in(small) == []


RAW_FIX = "delete it (it is usually invisible, pasted from another program); end lines with an ordinary line break"


@pytest.mark.parametrize(
    ("character", "name"),
    [("\u2028", "U+2028 (line separator)"), ("\u2029", "U+2029 (paragraph separator)"), ("\x85", "U+0085"),
     ("\u202e", "U+202E (right-to-left override)"), ("\u200d", "U+200D (zero width joiner)")],
)  # fmt: skip
def test_raw_separators_and_invisible_characters_are_refused_where_an_editor_sees_them(
    small: Path, character: str, name: str
) -> None:
    """PyYAML counts U+2028, U+2029 and NEL as line breaks, shifting every later line; editors and git do not.
    So they are refused at the line and column an editor shows, even after an earlier one on the same line."""
    roles = small / "guidance" / "roles.yml"
    roles.write_text(f"# a {character}comment\n" + roles.read_text(encoding="utf-8"), encoding="utf-8")
    assert problems_in(small) == [f"guidance/roles.yml:1:5: character {name} is not allowed — {RAW_FIX}"]


def test_a_leading_byte_order_mark_is_still_read(small: Path) -> None:
    """A BOM opening the file is how some editors save UTF-8; it is not content."""
    roles = small / "guidance" / "roles.yml"
    roles.write_text("\ufeff" + roles.read_text(encoding="utf-8"), encoding="utf-8")
    assert problems_in(small) == []


def test_a_control_character_in_a_source_text_is_refused_at_its_position(small: Path) -> None:
    """Source texts are published too: the same characters are refused there, at the editor's line and column."""
    text = small / "guidance" / "sources" / "report.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("seen alone", "seen\x00 alone"), encoding="utf-8")
    assert problems_in(small) == [f"guidance/sources/report.txt:3:31: character U+0000 is not allowed — {RAW_FIX}"]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("../decision_trees/worried.yml", "id: worried", 'id: "worried\\n"',
         "decision_trees/worried.yml:1:5: id: 'worried\\u000a' is not in the expected form"),
        ("sources/report.yml", "id: report", 'id: "report\\n"',
         "guidance/sources/report.yml:1:5: id: 'report\\u000a' is not in the expected form"),
        ("editions/2010.yml", 'id: "2010"', 'id: "2010\\n"',
         "guidance/editions/2010.yml:1:5: id: '2010\\u000a' is not in the expected form"),
    ],
)  # fmt: skip
def test_an_id_with_a_trailing_newline_is_refused_by_the_schema(
    small: Path, file: str, old: str, new: str, expected: str
) -> None:
    """`$` in a schema pattern matched before a final newline, so "worried\\n" passed and broke the build later."""
    path = small / "guidance" / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    problems = problems_in(small)
    assert problems and problems[0].startswith(expected + " — "), problems


def test_every_schema_pattern_refuses_a_trailing_newline() -> None:
    """Each pattern of the schema, as the validator uses it, refuses its own valid example followed by a newline."""
    schema = json.loads((PROJECT / "plugins/working_together/schema/guidance.schema.json").read_text())
    patterns = set(re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', json.dumps(schema)))
    assert patterns
    for pattern in map(json.loads, patterns):
        anchored = _true_end(pattern)
        example = {"^\\+?[0-9]+( [0-9]+)*$": "0123 456"}.get(pattern)
        for candidate in [example] if example else ["1", "2010", "2010-03", "a", "a.txt", "a b", "aa b"]:
            if re.search(anchored, candidate):
                assert not re.search(anchored, candidate + "\n"), pattern
                break
        else:
            pytest.fail(f"no example for {pattern}")


LOCATION = "guidance/sources/report.yml:11:14: locations[0].pattern:"


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        (r"^(?P<number>(\w+\s?)+)$",
         "a repeated group contains another repeat, which can take exponential time: write it without nesting, "
         "such as \\w[\\w\\s]* instead of (\\w+\\s?)+"),
        (r"^(?P<number>(a|aa)+)$", "a repeated group contains alternatives (a|b), which can take exponential time"),
        (r"^Recommendation (?P<number>\d{99999999999}):",
         "not a valid regular expression (the repetition number is too large)"),
        (r"^(?P<number>(a{999}){999})", "a repeat count over 100 (999); passages start with short text"),
        ("(" * 500 + "(?P<number>a)" + ")" * 500, "the pattern is longer than 1000 characters"),
        ("(" * 400 + "(?P<number>a)" + ")" * 400, "not a valid regular expression (nested too deeply)"),
        (r"^(?P<number>\d+", "not a valid regular expression (missing ), unterminated subpattern at position 1)"),
    ],
)  # fmt: skip
def test_dangerous_location_patterns_are_refused_before_use(small: Path, pattern: str, message: str) -> None:
    """Catastrophic backtracking hung the build; huge counts and deep nesting raised OverflowError and
    RecursionError, or took minutes to compile."""
    source = small / "guidance" / "sources" / "report.yml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("'^(?:- )?(?P<number>\\d+\\.\\d+) '", "'" + pattern + "'"), encoding="utf-8")
    assert problems_in(small) == [f"{LOCATION} {message} — correct it"]


def test_a_slow_location_pattern_stops_at_the_time_limit(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern no rule refuses can still be slow (eight `\\d*` in a row over a long line): matching stops."""
    monkeypatch.setattr("working_together.load.sources.PATTERN_TIME_LIMIT", 0.2)
    source = small / "guidance" / "sources" / "report.yml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("'^(?:- )?(?P<number>\\d+\\.\\d+) '", "'^(?P<number>" + "\\d*" * 8 + ")[^\\d]'"))
    (small / "guidance" / "sources" / "report.txt").write_text("1" * 3000 + "\n", encoding="utf-8")
    assert problems_in(small) == [
        f"{LOCATION} matching the pattern against report.txt took more than 0.2 s — simplify it: no nested repeats "
        "such as (\\w+\\s?)+ and no runs such as .*.*"
    ]


def test_a_long_value_is_never_quoted_whole(small: Path) -> None:
    """A message is printed in public CI logs: at most 60 characters of a value are quoted."""
    roles = small / "guidance" / "roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("- id: social-worker", "- id: " + "X" * 500))
    problems = problems_in(small)
    expected = "guidance/roles.yml:2:9: roles[0].id: '" + "X" * 60 + "…' is not in the expected form"
    assert [problem for problem in problems if problem.startswith(expected)], problems
    assert "X" * 61 not in "".join(problems)


def test_a_plain_mkdocs_build_that_fails_late_leaves_no_files(tmp_path: Path) -> None:
    """Strict mode aborts only after writing every page; the plugin removes them, so not only `make build`
    fails closed (a crash in the build left 57 files behind)."""
    project = small_site(tmp_path)
    (project / "docs" / "about.md").write_text("# About\n\nSee [the missing page](missing.md).\n", encoding="utf-8")
    with pytest.raises(Abort, match="strict mode"):
        build_site(project, project / "site")
    assert not (project / "site").exists()


def test_a_failed_check_leaves_an_earlier_site_alone(tmp_path: Path) -> None:
    """Content problems stop the build in on_config, before MkDocs empties site/: nothing is written or removed."""
    project = small_site(tmp_path)
    (project / "site").mkdir()
    (project / "site" / "earlier.html").write_text("an earlier good build", encoding="utf-8")
    glossary = project / "guidance" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("expansion: Local Safeguarding Children Board", 'expansion: "Board\\0"'))
    errors = _Errors()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        with pytest.raises(Abort):
            build_site(project, project / "site")
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    assert sorted(path.name for path in (project / "site").iterdir()) == ["earlier.html"]
    assert any("guidance/glossary.yml:4:16: the text contains U+0000" in message for message in errors.messages)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("escape", "guidance/glossary.yml:4:16: the text contains U+0002"),
        ("leak", "guidance/sources/report.yml:2:7: file: 'report.txt' is a symbolic link that leads outside"),
        ("fifo", "guidance/provisions/pipe.yml:1:1: is a named pipe (FIFO), not a file"),
        ("tag", "guidance/roles.yml:3:11: YAML tag '!!timestamp' is not allowed"),
    ],
)
def test_the_build_fails_closed_with_the_same_positioned_problems(tmp_path: Path, change: str, expected: str) -> None:
    """validate and the build agree: each family stops the build with its file:line:col and writes no site."""
    project = small_site(tmp_path / "project")
    guidance = project / "guidance"
    if change == "escape":
        text = (guidance / "glossary.yml").read_text(encoding="utf-8")
        (guidance / "glossary.yml").write_text(
            text.replace("expansion: Local Safeguarding Children Board", 'expansion: "Board\\x02wzxhzdk:0\\x03"')
        )
    elif change == "leak":
        (tmp_path / "secret.txt").write_text("- 1.1 SECRET-TOKEN seen alone when appropriate.\n", encoding="utf-8")
        (guidance / "sources" / "report.txt").unlink()
        (guidance / "sources" / "report.txt").symlink_to(tmp_path / "secret.txt")
    elif change == "fifo":
        os.mkfifo(guidance / "provisions" / "pipe.yml")
    else:
        text = (guidance / "roles.yml").read_text(encoding="utf-8")
        (guidance / "roles.yml").write_text(text.replace("name: Social worker", "name: !!timestamp 2015-02-30"))
    outcome = build_outcome(project)
    heading, *problems = outcome.splitlines()
    assert heading.endswith("nothing was built:"), outcome
    assert [problem for problem in problems if problem.startswith(expected)], outcome
    assert "SECRET" not in outcome


# A stand-in for mkdocs that writes part of a site into --site-dir, then either finishes or is killed from outside
# with make and everything it started (as a CI timeout does), so `make build` runs in a second without a real build.
FAKE_MKDOCS = """#!/bin/sh
while [ $# -gt 0 ] && [ "$1" != "--site-dir" ]; do shift; done
out=${2:-site}
mkdir -p "$out" && echo new > "$out/index.html"
[ -e killed ] && kill -KILL 0
echo new > "$out/done.html"
"""


@pytest.mark.parametrize("target", ["site", "site-offline"])
def test_a_build_killed_from_outside_leaves_the_last_good_site(tmp_path: Path, target: str) -> None:
    """`make build` and `make offline` write into a temporary folder and replace the last site only when the build
    has finished; killed half-way (the review's A08b left 492 files in site/), the last good site is untouched."""
    shutil.copy(PROJECT / "Makefile", tmp_path / "Makefile")
    fake = tmp_path / "bin" / "mkdocs"
    fake.parent.mkdir()
    fake.write_text(FAKE_MKDOCS, encoding="utf-8")
    fake.chmod(0o755)
    (tmp_path / target).mkdir()
    (tmp_path / target / "earlier.html").write_text("the last good build", encoding="utf-8")
    goal = "build" if target == "site" else "offline"
    make = ["setsid", "make", "--no-print-directory", "-s", "-o", "install", f"BIN={fake.parent}", goal]
    (tmp_path / "killed").touch()
    killed = subprocess.run(make, cwd=tmp_path, capture_output=True, text=True)
    assert killed.returncode != 0
    assert sorted(path.name for path in (tmp_path / target).iterdir()) == ["earlier.html"]
    (tmp_path / "killed").unlink()
    finished = subprocess.run(make, cwd=tmp_path, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert sorted(path.name for path in (tmp_path / target).iterdir()) == ["done.html", "index.html"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["Makefile", "bin", target]


def _docs_with_links(project: Path) -> None:
    """docs/ with a link to .git/config and one to a file outside the project (the review's X4b)."""
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("extraheader = AUTHORIZATION: basic FAKE-CI-TOKEN\n", encoding="utf-8")
    (project.parent / "secret.txt").write_text("FAKE-SECRET\n", encoding="utf-8")
    (project / "docs" / "gitconfig.txt").symlink_to("../.git/config")
    (project / "docs" / "leak.txt").symlink_to(project.parent / "secret.txt")


def test_links_under_docs_are_refused_by_validate_at_their_place(tmp_path: Path) -> None:
    """F1 (high): MkDocs copied a link in docs/ to .git/config, and one to a file outside the project, into site/."""
    project = small_site(tmp_path / "project")
    _docs_with_links(project)
    corpus, problems = load_and_check(project, project / "guidance", project / "decision_trees", None, project / "docs")
    fix = "put the file itself in docs/ instead of a link"
    assert [str(problem) for problem in problems] == [
        f"docs/gitconfig.txt:1:1: is a symbolic link to a file, so it is not published — {fix}",
        f"docs/leak.txt:1:1: is a symbolic link to a file, so it is not published — {fix}",
    ]


def test_the_build_refuses_links_under_docs_even_past_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs' own file collection is checked too: with docs/ checks skipped, the build still fails, closed."""
    project = small_site(tmp_path / "project")
    _docs_with_links(project)
    monkeypatch.setattr("working_together.check.docs_problems", lambda *arguments: [])
    with pytest.raises(Abort):
        build_site(project, project / "site")
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".env", "AWS_SECRET_ACCESS_KEY=FAKE-SECRET-T9b\n"),
        ("passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"),
        ("overlay.yml", "AWS_SECRET_ACCESS_KEY=FAKE-SECRET-T8\n"),
        ("overlay.yml", "-----BEGIN OPENSSH PRIVATE KEY-----\n"),
    ],
)
def test_messages_never_quote_a_non_content_file_or_a_credential(small: Path, name: str, text: str) -> None:
    """F4: `overlay: .env` or `overlay: /etc/passwd` in mkdocs.yml printed the file's first line into public CI
    logs; so did a YAML file holding a secret. The problem is still positioned, with the value's kind only."""
    overlay = small.parent / "outside" / name
    overlay.write_text(text, encoding="utf-8")
    problems = problems_in(small, overlay)
    assert problems and all(problem.startswith(f"{overlay.as_posix()}:1:1: ") for problem in problems), problems
    assert "(text not shown)" in "".join(problems)
    for secret in ("FAKE", "root:x", "PRIVATE"):
        assert secret not in "".join(problems)


def test_a_value_in_content_is_still_quoted(small: Path) -> None:
    """Ordinary values in the YAML being checked are quoted as before, so the editor sees what is wrong."""
    roles = small / "guidance" / "roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("- id: social-worker", "- id: Social Worker"))
    assert any("'Social Worker'" in problem for problem in problems_in(small)), problems_in(small)
