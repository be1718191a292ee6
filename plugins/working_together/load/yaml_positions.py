"""A strict YAML reader whose mappings and sequences remember where each item was written.

Only plain data is allowed: no aliases (they make alias bombs possible
and hide content from editors), no duplicate keys, and plain scalars stay strings
except true/false/null, so `number: 5.10` is not read as 5.1 and `edition: 2010`
is not an integer.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml._yaml import CParser  # libyaml, bundled in the pinned PyYAML wheels
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ..problems import Position, Problem


class Mapping(dict):
    """A YAML mapping with the position of itself, of each key and of each value."""

    position: Position
    key_positions: dict[str, Position]
    value_positions: dict[str, Position]


class Sequence(list):
    """A YAML sequence with the position of itself and of each item."""

    position: Position
    item_positions: list[Position]


class YamlProblem(Exception):
    """A file that cannot be read as data at all; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


# Deeper than any guidance file needs (about 6 levels); PyYAML composes and constructs
# recursively, so unbounded nesting would end in a RecursionError instead of a message.
MAX_DEPTH = 50


class _Positioned:
    """Builds Mapping/Sequence objects and refuses aliases, duplicate keys and deep nesting (a loader mix-in)."""

    display_name = ""
    depth = 0

    def position(self, node: yaml.Node) -> Position:
        mark = node.start_mark
        return Position(self.display_name, mark.line + 1, mark.column + 1)

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise YamlProblem(
                Problem(
                    Position(self.display_name, mark.line + 1, mark.column + 1),
                    "",
                    "YAML aliases (*name) are not allowed",
                    "write the value out in full",
                )
            )
        if self.depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise YamlProblem(
                Problem(
                    Position(self.display_name, mark.line + 1, mark.column + 1),
                    "",
                    f"nested more than {MAX_DEPTH} levels deep",
                    "flatten the structure: guidance files need only a few levels",
                )
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_mapping_with_positions(self, node: yaml.MappingNode) -> Mapping:
        mapping = Mapping()
        mapping.position = self.position(node)
        mapping.key_positions = {}
        mapping.value_positions = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise YamlProblem(
                    Problem(
                        self.position(key_node), "", f"keys must be words, not {key!r}", "use a plain name as the key"
                    )
                )
            if key in mapping:
                first = mapping.key_positions[key]
                raise YamlProblem(
                    Problem(
                        self.position(key_node),
                        "",
                        f"duplicate key '{key}' (first written at line {first.line})",
                        "remove one of the two or merge them",
                    )
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_positions[key] = self.position(key_node)
            mapping.value_positions[key] = self.position(value_node)
        return mapping

    def construct_sequence_with_positions(self, node: yaml.SequenceNode) -> Sequence:
        sequence = Sequence(self.construct_object(child, deep=True) for child in node.value)
        sequence.position = self.position(node)
        sequence.item_positions = [self.position(child) for child in node.value]
        return sequence


class _ExactLoader(_Positioned, yaml.SafeLoader):
    """PyYAML's own parser: its error messages are the ones our hints and tests know."""


class _FastLoader(_Positioned, Composer, CParser, SafeConstructor, Resolver):
    """libyaml's C parser, several times faster, under Python's Composer (so compose_node sees every node)."""

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


for _loader in (_ExactLoader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _Positioned.construct_mapping_with_positions)
    _loader.add_constructor("tag:yaml.org,2002:seq", _Positioned.construct_sequence_with_positions)
    # Keep only the resolvers for null and true/false; everything else plain is a string.
    _loader.yaml_implicit_resolvers = {}
    _loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
    _loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|)$"), ["~", "n", ""])


def read_yaml(path: Path, display_name: str) -> object:
    """Read one YAML file as positioned data; raise YamlProblem with a positioned message if it is not valid YAML."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise YamlProblem(
            Problem(Position(display_name, 1, 1), "", f"not UTF-8 text ({error.reason})", "save the file as UTF-8")
        ) from None
    try:
        # PyYAML's reader checks every character up front, so a NUL or control character fails here,
        # at a character position (libyaml would give a byte offset).
        yaml.reader.Reader(text)
    except yaml.reader.ReaderError as error:
        raise YamlProblem(_unprintable(error, text, display_name)) from None
    # libyaml reads valid files; PyYAML's own parser rereads only a file that fails, for its clearer messages.
    try:
        return _load(_FastLoader, text, display_name)
    except yaml.YAMLError:
        pass
    try:
        return _load(_ExactLoader, text, display_name)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if "could not find expected ':'" in str(error.problem) and error.context_mark:
            mark = error.context_mark  # the key missing its ':', not the next line, where the scanner gave up
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = _plain_words(error.problem or "not valid YAML")
        if error.context and message == error.problem:
            message = f"{message} ({error.context})"
        raise YamlProblem(
            Problem(Position(display_name, line, column), "", f"YAML syntax: {message}", _syntax_hint(message))
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem(
            Problem(Position(display_name, 1, 1), "", f"YAML: {error}", "check the file's syntax")
        ) from None


def _load(loader_class: type[_Positioned], text: str, display_name: str) -> object:
    loader = loader_class(text)
    loader.display_name = display_name
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _unprintable(error: yaml.reader.ReaderError, text: str, display_name: str) -> Problem:
    """The position and code of a character YAML does not allow (NUL, most control characters)."""
    before = text[: error.position]
    line, column = before.count("\n") + 1, error.position - before.rfind("\n")
    return Problem(
        Position(display_name, line, column),
        "",
        f"character U+{error.character:04X} is not allowed in YAML",
        "delete it (it is usually invisible, pasted from another program)",
    )


def _plain_words(message: str) -> str:
    """PyYAML's parser terms (<block end>, '?') replaced by what they mean for the person editing."""
    if message.startswith("expected <block end>") or message.startswith("expected <block mapping start>"):
        return "this line is indented differently from the list or mapping it should belong to"
    if "could not find expected ':'" in message:
        return "this key has no ':' after it"
    return message


def _syntax_hint(message: str) -> str:
    """The most likely fix for PyYAML's commonest complaints."""
    if "mapping values are not allowed" in message:
        return "check the indentation, or put quotes around text that contains ': '"
    if "indented differently" in message or "did not find expected key" in message:
        return "check the indentation: items of one list or mapping must line up"
    if "found character '\\t'" in message:
        return "indent with spaces, not tabs"
    if "has no ':' after it" in message:
        return "add the missing ':' after the key, or quote the text"
    return "check the syntax at this point"
