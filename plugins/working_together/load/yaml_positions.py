"""A strict YAML reader whose mappings and sequences remember where each item was written.

Only plain data is allowed: no aliases (they make alias bombs possible
and hide content from editors), no duplicate keys, and plain scalars stay strings
except true/false/null, so `number: 5.10` is not read as 5.1 and `edition: 2010`
is not an integer. No explicit tags except !!str, !!map and !!seq (guidance needs
none, and `!!int` with 5,000 digits or `!!timestamp 2015-02-30` raise in PyYAML's
constructors). No invisible or control characters, whether typed or written as an
escape such as "\0" or "\ud800": they break the feed's XML, reverse a title (U+202E)
or paste page fragments into an attribute (U+0002/U+0003, Markdown's placeholders).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import regex
import yaml
from yaml._yaml import CParser  # libyaml, bundled in the pinned PyYAML wheels
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ..problems import Position, Problem
from .files import Unreadable, read_text


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


# Characters refused in content however they are written: controls (but tab and line feed, and carriage
# return in the raw file), lone surrogates, unassigned code points and non-characters, invisible format
# characters (bidi overrides and isolates, zero-width characters, a byte-order mark inside text), and the
# line and paragraph separators, which PyYAML counts as line breaks where editors and git do not.
_FORBIDDEN_RAW = regex.compile(r"(?![\t\n\r])[\p{Cc}\p{Cs}\p{Cn}\p{Cf}\p{Zl}\p{Zp}]")
_FORBIDDEN_VALUE = regex.compile(r"(?![\t\n])[\p{Cc}\p{Cs}\p{Cn}\p{Cf}\p{Zl}\p{Zp}]")
# Explicit tags that change nothing: a quoted string, a mapping, a list (also written !<tag:yaml.org,2002:str>).
_PLAIN_TAGS = {"!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

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
        event = self.peek_event()
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _PLAIN_TAGS:
            mark = event.start_mark
            short = tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(
                Problem(
                    Position(self.display_name, mark.line + 1, mark.column + 1),
                    "",
                    f"YAML tag '{_shorten(short)}' is not allowed",
                    "remove the tag: guidance values are plain text, lists and mappings",
                )
            )
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
            node = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        if isinstance(node, yaml.ScalarNode) and (found := _FORBIDDEN_VALUE.search(node.value)):
            raise YamlProblem(
                Problem(
                    self.position(node),
                    "",
                    f"the text contains {describe_character(found[0])}",
                    "remove it: it is invisible or changes how the text is shown (written as an escape "
                    "such as \\0, \\e or \\u202e, or pasted from another program)",
                )
            )
        return node

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


def read_yaml(path: Path, display_name: str, roots: tuple[Path, ...] | None = None) -> object:
    """Read one YAML file as positioned data; raise YamlProblem with a positioned message if it is not valid YAML.

    Only a regular file is read, and only inside `roots` when given (see files.read_text)."""
    try:
        text = read_text(path, roots)
    except Unreadable as error:
        raise YamlProblem(
            Problem(Position(display_name, error.line, error.column), "", error.message, error.fix)
        ) from None
    try:
        # PyYAML's reader checks every character up front, so a NUL or control character fails here,
        # at a character position (libyaml would give a byte offset).
        yaml.reader.Reader(text)
    except yaml.reader.ReaderError as error:
        raise YamlProblem(_unprintable(error, text, display_name)) from None
    problem = forbidden_character(text, display_name)
    if problem:
        raise YamlProblem(problem)
    # libyaml reads valid files; PyYAML's own parser rereads only a file that fails, for its clearer messages.
    try:
        return _load(_FastLoader, text, display_name)
    except (yaml.YAMLError, ValueError, OverflowError):
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
        if opened := _unclosed_quote(text, line):
            # A quote left open swallows the lines after it; the parser gives up far below, where the cause is not.
            line, column, quote = opened
            message = f"the quoted text that starts here has no closing {quote} on its line"
        raise YamlProblem(
            Problem(Position(display_name, line, column), "", f"YAML syntax: {message}", _syntax_hint(message))
        ) from None
    except yaml.YAMLError as error:
        raise YamlProblem(
            Problem(Position(display_name, 1, 1), "", f"YAML: {error}", "check the file's syntax")
        ) from None
    except (ValueError, OverflowError) as error:
        # Tags are refused before any constructor runs; this only keeps a surprise from becoming a traceback.
        raise YamlProblem(
            Problem(
                Position(display_name, 1, 1),
                "",
                f"a value cannot be read ({_shorten(str(error))})",
                "write it as plain text",
            )
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


def forbidden_character(text: str, display_name: str) -> Problem | None:
    """The first character of raw text that content may not contain, at its line and column as editors count
    them (only line feeds, carriage returns and CRLF end a line), or None."""
    # A byte-order mark may open the file (editors hide it); anywhere else it is refused.
    found = _FORBIDDEN_RAW.search(text, 1 if text.startswith("\ufeff") else 0)
    if not found:
        return None
    before = text[: found.start()]
    line = len(_LINE_BREAK.findall(before)) + 1
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return Problem(
        Position(display_name, line, found.start() - start + 1),
        "",
        f"character {describe_character(found[0])} is not allowed",
        "delete it (it is usually invisible, pasted from another program); end lines with an ordinary line break",
    )


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def describe_character(char: str) -> str:
    """U+202E (right-to-left override): the code point and, when it has one, its name."""
    code = f"U+{ord(char):04X}"
    try:
        return f"{code} ({unicodedata.name(char).lower()})"
    except ValueError:
        return code


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[\w-]+:\s+)?(?P<quote>["'])""")


def _unclosed_quote(text: str, error_line: int) -> tuple[int, int, str] | None:
    """The last line before `error_line` whose value opens a quote it does not close (line, column, quote)."""
    lines = text.splitlines()[: error_line - 1]
    for index in range(len(lines) - 1, -1, -1):
        match = _QUOTED_VALUE.match(lines[index])
        if match is None:
            continue
        rest = lines[index][match.end() :]
        closed = re.search(r'(?<!\\)"', rest) if match["quote"] == '"' else re.search(r"'(?!')", rest.replace("''", ""))
        return None if closed else (index + 1, match.start("quote") + 1, match["quote"])
    return None


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _syntax_hint(message: str) -> str:
    """The most likely fix for PyYAML's commonest complaints."""
    if "mapping values are not allowed" in message:
        return "check the indentation, or put quotes around text that contains ': '"
    if "indented differently" in message or "did not find expected key" in message:
        return "check the indentation: items of one list or mapping must line up"
    if "found character '\\t'" in message:
        return "indent with spaces, not tabs"
    if "no closing" in message:
        return "add the closing quote where the text ends (YAML read on past the end of the line)"
    if "has no ':' after it" in message:
        return "add the missing ':' after the key, or quote the text"
    return "check the syntax at this point"
