"""Validate one YAML file against the JSON Schema for its kind, with positioned problems."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator, ValidationError

from ..problems import Position, Problem
from .sizes import size_problems
from .yaml_positions import Mapping, Sequence

KINDS = (
    "source",
    "edition",
    "provisions",
    "roles",
    "glossary",
    "registry",
    "tree",
    "traceability",
    "summary",
    "module",
    "overlay",
)


@cache
def _validator(kind: str) -> Draft202012Validator:
    root = json.loads(resources.files("working_together.schema").joinpath("guidance.schema.json").read_text())
    # Following $refs took a third of validation time; the schema has no cycles, so they are inlined once.
    return Draft202012Validator(_inline(root["$defs"][kind], root["$defs"]))


def _inline(node: object, definitions: dict) -> object:
    """The schema with each {"$ref": "#/$defs/name"} replaced by that definition (sibling annotations dropped,
    as errors inside a $ref carry the referenced schema, never its siblings)."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(definitions[node["$ref"].removeprefix("#/$defs/")], definitions)
        return {
            key: _true_end(value) if key == "pattern" and isinstance(value, str) else _inline(value, definitions)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    return node


def _true_end(pattern: str) -> str:
    """The pattern anchored at the very end of the text: jsonschema searches with Python's re, where `$` also
    matches before a final line break, so "child-death\\n" would pass as an id. The schema file keeps `$`,
    which editors' JavaScript reads as the true end."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        return pattern[:-1] + "\\Z"
    return pattern


def schema_problems(data: object, kind: str, display_name: str) -> list[Problem]:
    """Every way `data` breaks the schema for `kind`, each at the line and column of the offending item."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of guidance file: {kind}")
    errors = _leaf_errors(_validator(kind).iter_errors(data))
    return sorted([*(_problem(error, data, display_name) for error in errors), *size_problems(data, display_name)])


def _leaf_errors(errors: Iterable[ValidationError]) -> Iterable[ValidationError]:
    """Replace if/then/else and oneOf wrappers by the specific errors inside them."""
    for error in errors:
        if error.context:
            yield from _leaf_errors(error.context)
        elif error.validator not in ("if", "then", "else"):
            yield error


def _problem(error: ValidationError, data: object, display_name: str) -> Problem:
    path = list(error.absolute_path)
    where = _where(path)
    position = _position(data, path, display_name)
    schema = error.schema if isinstance(error.schema, dict) else {}
    expected = schema.get("description", "")
    match error.validator:
        case "additionalProperties":
            allowed = ", ".join(sorted(schema.get("properties", {})))
            unknown = sorted(set(error.instance) - set(schema.get("properties", {})))
            key = unknown[0]
            key_position = getattr(_node(data, path), "key_positions", {}).get(key, position)
            return Problem(
                key_position,
                where,
                f"unknown field '{key}'",
                f"remove it or correct the spelling; allowed here: {allowed}",
            )
        case "required":
            field = error.message.split("'")[1]
            return Problem(position, where, f"missing field '{field}'", f"add '{field}:' to this item")
        case "type":
            wanted = {"string": "text", "array": "a list", "object": "a mapping of fields", "boolean": "true or false"}
            kind = wanted.get(str(error.validator_value), str(error.validator_value))
            if not path and schema.get("required"):
                # A whole file that is empty or not a mapping: say which fields it starts with.
                fields = ", ".join(f"{name}:" for name in schema["required"])
                return Problem(
                    position,
                    where,
                    f"expected {kind}, found {_describe(error.instance)}",
                    f"write its fields: {fields}",
                )
            return Problem(
                position, where, f"expected {kind}, found {_describe(error.instance)}", _fix(expected, f"write {kind}")
            )
        case "enum":
            options = ", ".join(map(str, error.validator_value))
            return Problem(
                position, where, f"{_describe(error.instance)} is not allowed here", f"use one of: {options}"
            )
        case "pattern":
            text = error.instance
            if isinstance(text, str) and text.strip(" ") != text and text.strip(" "):
                # The commonest cause, invisible on screen: say it, rather than "not in the expected form".
                return Problem(
                    position,
                    where,
                    f"{_describe(text)} has a space at its start or end",
                    f"delete the space: write '{_describe(text.strip(' '))[1:-1]}'",
                )
            return Problem(
                position, where, f"{_describe(error.instance)} is not in the expected form", _fix(expected, "")
            )
        case "minItems":
            if error.validator_value == 1:
                return Problem(position, where, "the list is empty", "add at least one item or remove the field")
            count = len(error.instance)
            message = (
                f"the list has {count} item{'s' if count != 1 else ''}; at least {error.validator_value} are needed"
            )
            return Problem(position, where, message, _fix(expected, "add items"))
        case "minLength":
            limit = error.validator_value
            what = "text is empty" if limit == 1 else f"text is shorter than {limit} characters"
            return Problem(position, where, what, _fix(expected, "write the text"))
        case "maxLength":
            return Problem(
                position, where, f"text is longer than {error.validator_value} characters", _fix(expected, "")
            )
        case "uniqueItems":
            return Problem(position, where, "the list repeats an item", "list each item once")
        case _:
            return Problem(position, where, error.message, _fix(expected, ""))


def _fix(expected: str, fallback: str) -> str:
    return f"write {expected}" if expected else fallback


def _describe(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    # Never the whole of a long value: a message is printed in public CI logs.
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _where(path: list[str | int]) -> str:
    """The path inside the document, like provisions[2].versions[0].text."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _node(data: object, path: list[str | int]) -> object:
    for step in path:
        data = data[step]  # type: ignore[index]
    return data


def _position(data: object, path: list[str | int], display_name: str) -> Position:
    """The position of the value at `path`, falling back to its nearest positioned parent."""
    position = getattr(data, "position", Position(display_name, 1, 1))
    node = data
    for step in path:
        if isinstance(node, Mapping) and step in node.value_positions:
            position = node.value_positions[step]
        elif isinstance(node, Sequence) and isinstance(step, int) and step < len(node.item_positions):
            position = node.item_positions[step]
        node = node[step]  # type: ignore[index]
    return position
