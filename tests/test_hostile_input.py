"""Hostile YAML: mutated guidance loads and checks cleanly or fails with file:line:col problems, never a crash."""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, build_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort
from small_guidance import FILES, SMALL_TREE, write_small_guidance, write_small_tree
from working_together.check import load_and_check
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
