"""Messages for values that do not match their schema.

Turns the jsonschema-rs errors of a value (see
`apictl.specs.openapi.jsonschema`) into one readable message per problem, each
at the offending place inside the value: "`pets[0].id` must be an integer, got
string "7"". Missing required properties of one object are reported together;
for `anyOf`/`oneOf` the alternative the value most plausibly meant is
explained.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from apictl.lint.structural import json_type

MAX_PROBLEMS = 10  # messages per validated value


def short(value: Any, limit: int = 40) -> str:
    """A value as shown in messages: JSON for scalars (truncated), the type for containers."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _types(types: list[Any]) -> str:
    types = sorted(types, key=lambda t: t == "null")  # "a string or null"
    named = [("null" if t == "null" else _a(str(t))) for t in types]
    return " or ".join(named) if named else "another type"


def path_text(tokens: list[Any]) -> str:
    """['pets', 0, 'name'] -> '`pets[0].name`'; [] -> 'the value'."""
    if not tokens:
        return "the value"
    out = ""
    for t in tokens:
        if isinstance(t, int):
            out += f"[{t}]"
        else:
            out += f".{t}" if out else str(t)
    return f"`{out}`"


def _got(value: Any) -> str:
    if value is None:
        return "got null"
    if isinstance(value, (dict, list)):
        return f"got {_a(json_type(value))}"
    return f"got {json_type(value)} {short(value)}"


def describe(err: Any, offset: int = 0) -> tuple[list[Any], str]:
    """(path inside the value, message) for one jsonschema-rs error; the first
    `offset` tokens of its instance path are not part of the value."""
    path = list(err.instance_path)[offset:]
    kind = err.kind.name
    where = path_text(path)
    if kind in ("anyOf", "oneOf"):
        if type(err.kind).__name__ == "OneOfMultipleValid":
            return path, f"{where} matches more than one of the `oneOf` alternatives; exactly one must match"
        branches = [b for b in (getattr(err.kind, "context", None) or []) if b]
        depth = len(path) + offset
        real = [b for b in branches if not _null_branch(b, depth)]
        if len(real) == 1 and len(branches) == 2:  # `nullable` wrapped in anyOf: explain the schema itself
            return describe(real[0][0], offset)
        best = _best_branch(real, depth)
        word = "oneOf" if kind == "oneOf" else "anyOf"
        msg = f"{where} matches none of the `{word}` alternatives"
        if best is not None:
            _sub_path, sub_msg = describe(best[0], offset)
            return path, f"{msg} (closest: {sub_msg})"
        return path, msg
    info = err.kind.as_dict()
    if kind == "type":
        return path, f"{where} must be {_types(info.get('types', []))}, {_got(err.instance)}"
    if kind == "required":
        return path, f"{where} is missing the required property `{info.get('property')}`"
    if kind in ("additionalProperties", "unevaluatedProperties"):
        unexpected = info.get("unexpected", [])
        names = ", ".join(f"`{u}`" for u in unexpected)
        owner = "" if not path else f" of {where}"
        if len(unexpected) == 1:
            return [*path, unexpected[0]], f"property {names}{owner} is not allowed by the schema ({kind} is false)"
        return path, f"properties {names}{owner} are not allowed by the schema ({kind} is false)"
    requirement = _REQUIREMENTS.get(kind)
    if requirement is not None:
        return path, f"{where} {requirement(info)} ({_got(err.instance)})"
    limit = info.get("limit")
    if kind in _LIMITS and limit is not None:
        text, unit = _LIMITS[kind]
        if unit:
            unit = unit if limit == 1 else ("properties" if unit == "property" else unit + "s")
            return path, f"{where} must have {text} {limit} {unit} ({_got_size(err.instance, unit)})"
        return path, f"{where} must be {text} {limit} ({_got(err.instance)})"
    if kind == "uniqueItems":
        return path, f"{where} must not contain duplicate items"
    if kind == "not":
        return path, f"{where} matches a schema it must not match (`not`)"
    return path, f"{where}: {err.message}"


def _options(options: list[Any]) -> str:
    return ", ".join(short(o) for o in options[:8]) + (", …" if len(options) > 8 else "")


# Kinds whose message is "<where> <requirement> (got …)": the requirement, from the error's details.
_REQUIREMENTS: dict[str, Callable[[dict[str, Any]], str]] = {
    "enum": lambda info: f"must be one of: {_options(info.get('options', []))}",
    "const": lambda info: f"must be {short(info.get('expected_value'))}",
    "format": lambda info: f"is not a valid `{info.get('format')}`",
    "pattern": lambda info: f"does not match the pattern `{info.get('pattern')}`",
    "multipleOf": lambda info: f"must be a multiple of {info.get('multiple_of')}",
}
_LIMITS = {
    "minimum": ("at least", ""),
    "maximum": ("at most", ""),
    "exclusiveMinimum": ("greater than", ""),
    "exclusiveMaximum": ("less than", ""),
    "minLength": ("at least", "character"),
    "maxLength": ("at most", "character"),
    "minItems": ("at least", "item"),
    "maxItems": ("at most", "item"),
    "minProperties": ("at least", "property"),
    "maxProperties": ("at most", "property"),
}


def _got_size(value: Any, unit: str) -> str:
    if isinstance(value, (str, list, dict)):
        return f"got {len(value)}"
    return _got(value)


def _null_branch(branch: list[Any], depth: int) -> bool:
    return (
        len(branch) == 1
        and branch[0].kind.name == "type"
        and len(branch[0].instance_path) == depth
        and branch[0].kind.as_dict().get("types") == ["null"]
    )


def _best_branch(branches: list[list[Any]], depth: int) -> list[Any] | None:
    """The alternative the value most plausibly meant: one whose type fits, with
    the fewest errors."""
    fitting = [b for b in branches if not any(e.kind.name == "type" and len(e.instance_path) == depth for e in b)]
    return min(fitting, key=len) if fitting else None


def schema_label(value: Any) -> str:
    """'schema `Pet`' for a `$ref` to a named schema, else 'its schema'."""
    if isinstance(value, dict) and isinstance(value.get("$ref"), str):
        name = value["$ref"].rsplit("/", 1)[-1]
        if name:
            return f"schema `{name}`"
    return "its schema"


def value_problems(what: str, label: str, errors: list[Any], offset: int = 0) -> Iterator[tuple[list[Any], str]]:
    """(path inside the value, message) for each problem of the value named
    `what` ("example `cat`", "default value"…) against the schema named `label`
    ("schema `Pet`", "its schema"…), given its jsonschema-rs errors (the first
    `offset` tokens of their instance paths not part of the value). After
    MAX_PROBLEMS messages, one more at the value itself says there are more."""
    problems: list[tuple[list[Any], str]] = []
    missing: dict[tuple[Any, ...], list[str]] = {}
    for err in errors:
        if err.kind.name == "required":
            path = tuple(list(err.instance_path)[offset:])
            if path not in missing:
                missing[path] = []
                problems.append((list(path), ""))  # placeholder, filled below
            missing[path].append(str(err.kind.as_dict().get("property")))
        else:
            problems.append(describe(err, offset))
    for n, (tokens, message) in enumerate(problems):
        if n == MAX_PROBLEMS:
            yield [], f"{what} has more problems against {label}; fix the ones above first"
            return
        if not message:
            message = _missing(tokens, missing[tuple(tokens)])
        if message.startswith(_ROOT):  # "example must be an integer, got …", naming the schema if useful
            text = f"{what} {message[len(_ROOT) :]}"
            if label not in ("the schema", "its schema"):
                text += f" ({label})"
        else:
            text = f"{what} does not match {label}: {message}"
        yield tokens, text


_ROOT = "the value "


def _missing(tokens: list[Any], names: list[str]) -> str:
    where = path_text(tokens)
    if len(names) == 1:
        return f"{where} is missing the required property `{names[0]}`"
    shown = ", ".join(f"`{n}`" for n in names[:6])
    more = f" and {len(names) - 6} more" if len(names) > 6 else ""
    return f"{where} is missing the required properties {shown}{more}"
