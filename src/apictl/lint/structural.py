"""Validate a document against the official OpenAPI schema for its version and
turn JSON-Schema errors into one readable finding per problem.

jsonschema-rs checks the whole document in milliseconds. The official schemas
are built from `oneOf`/`anyOf` (a parameter is one of four shapes, anything may
be a Reference); a failure there is explained by the alternative the document
most plausibly meant, found the way `jsonschema.exceptions.best_match` does:
the deepest errors of a branch whose root type fits.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from apictl.core.pointer import join
from apictl.specs.openapi.schemas import validator

Problem = tuple[str, str]  # (JSON pointer, message)

_JSON_TYPES = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
}


def json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _short(value: Any, limit: int = 40) -> str:
    text = (
        json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, (dict, list)) else json_type(value)
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _object_name(schema_path: Sequence[Any]) -> str | None:
    for i in range(len(schema_path) - 2, -1, -1):
        if schema_path[i] in ("definitions", "$defs"):
            name = str(schema_path[i + 1])
            return name[:1].upper() + name[1:]
    return None


def _describe(err: Any) -> Iterator[Problem]:
    path = list(err.instance_path)
    pointer = join("", *path)
    kind = err.kind.name
    info = err.kind.as_dict()
    owner = _object_name(list(err.schema_path))
    if not path:
        field = "the document"
    elif isinstance(path[-1], int):
        field = f"`{path[-2]}[{path[-1]}]`" if len(path) > 1 else f"item {path[-1]}"
    else:
        field = f"`{path[-1]}`"
    where = f" in {owner}" if owner else ""
    if kind == "required":
        yield pointer, f"{field} is missing required property `{info['property']}`"
    elif kind in ("additionalProperties", "unevaluatedProperties"):
        for key in info.get("unexpected", []):
            if owner == "Paths" or (path and path[-1] == "paths"):
                yield join(pointer, key), f"path `{key}` must start with `/`"
            else:
                yield join(pointer, key), f"unexpected property `{key}`{where}"
    elif kind == "type":
        types = " or ".join(str(t) for t in info.get("types", []))
        yield pointer, f"{field} must be {_article(types)}, got {json_type(err.instance)}"
    elif kind == "enum":
        options = ", ".join(_short(o) for o in info.get("options", []))
        yield pointer, f"{field} must be one of: {options} (got {_short(err.instance)})"
    elif kind == "const":
        yield pointer, f"{field} must be {_short(info.get('expected_value'))} (got {_short(err.instance)})"
    elif kind == "pattern":
        yield pointer, f"{field} value {_short(err.instance)} does not match the pattern `{info.get('pattern')}`"
    elif kind == "propertyNames":
        inner = info.get("error")
        key = getattr(inner, "instance", None)
        pattern = inner.kind.as_dict().get("pattern") if inner is not None else None
        if isinstance(key, str):
            rule_text = f"must match `{pattern}`" if pattern else "is not allowed"
            yield join(pointer, key), f"name `{key}` in {field} {rule_text}"
        else:
            yield pointer, f"{field}: {err.message}"
    elif kind == "uniqueItems" and isinstance(err.instance, list):
        seen: dict[str, int] = {}
        for i, item in enumerate(err.instance):
            fingerprint = json.dumps(item, sort_keys=True, default=str)
            if fingerprint in seen:
                yield join(pointer, i), f"{field} item {i} duplicates item {seen[fingerprint]}; items must be unique"
                break
            seen[fingerprint] = i
    elif kind == "falseSchema":
        yield _forbidden_combination(err, path) or (pointer, f"{field} is not allowed here")
    elif kind == "oneOfMultipleValid":
        yield pointer, f"{field} is ambiguous: it matches more than one allowed shape{where}"
    elif kind == "not":
        yield _explain_not(err, path, field) or (pointer, f"{field} has a form that is not allowed here{where}")
    else:
        yield pointer, f"{field}: {err.message}"


def _forbidden_combination(err: Any, path: list[Any]) -> Problem | None:
    """`dependentSchemas: {a: {properties: {b: false}}}` (3.2 media types: `encoding` vs
    `itemEncoding`/`prefixEncoding`): name both fields, at the one that forbids the other."""
    sp = list(err.schema_path)
    if len(sp) >= 4 and sp[-4] == "dependentSchemas" and sp[-2] == "properties" and path:
        trigger, forbidden = str(sp[-3]), str(sp[-1])
        return join("", *path[:-1], trigger), f"`{trigger}` cannot be combined with `{forbidden}`; use one of them"
    return None


def _explain_not(err: Any, path: list[Any], field: str) -> Problem | None:
    """The `not` constraints of the 3.x schemas, said in words."""
    schema = err.kind.as_dict().get("schema")
    if not isinstance(schema, dict):
        return None
    both = schema.get("required")
    if isinstance(both, list) and len(both) == 2 and len(schema) == 1:
        a, b = both
        return join("", *path), f"{field} must not have both `{a}` and `{b}`; use one of them"
    # parameters: `not: {allOf: [{contains: in=X}, {contains: in=Y}]}`
    wanted = [c.get("contains", {}).get("properties", {}).get("in", {}).get("const") for c in schema.get("allOf", [])]
    if len(wanted) == 2 and all(isinstance(w, str) for w in wanted) and isinstance(err.instance, list):
        other, special = wanted
        for i, param in enumerate(err.instance):
            if isinstance(param, dict) and param.get("in") == other:
                name = param.get("name", i)
                return join("", *path, i), (
                    f"parameter `{name}` is `in: {other}`, but the list has an `in: {special}` parameter, "
                    f"which describes the whole query string; the two cannot be combined"
                )
    return None


def _article(types: str) -> str:
    return ("an " if types[:1] in "aeiou" else "a ") + types


def _is_ref_only(branch: Sequence[Any]) -> bool:
    """The branch is the 'Reference object' alternative failing for lack of $ref."""
    return all(e.kind.name == "required" and e.kind.as_dict().get("property") == "$ref" for e in branch)


def _branch_score(branch: Sequence[Any], depth: int) -> tuple[int, int, int, int]:
    wrong_type_here = any(e.kind.name in ("type", "const", "enum") and len(e.instance_path) == depth for e in branch)
    # a discriminating field (e.g. a parameter's `in`) that selects another branch
    wrong_selector = sum(e.kind.name in ("const", "enum") and len(e.instance_path) == depth + 1 for e in branch)
    deepest = max((len(e.instance_path) for e in branch), default=depth)
    return (1 if wrong_type_here else 0, wrong_selector, -deepest, len(branch))


def _common_selector(branches: Sequence[Sequence[Any]], depth: int) -> Problem | None:
    """When every branch rejects the same child's value (`in: bogus`), say which
    values would do, across all branches."""
    options: list[Any] = []
    where: set[tuple[Any, ...]] = set()
    for branch in branches:
        sel = [e for e in branch if e.kind.name in ("const", "enum") and len(e.instance_path) == depth + 1]
        if not sel:
            return None
        for e in sel:
            where.add(tuple(e.instance_path))
            info = e.kind.as_dict()
            values = info.get("options", []) if e.kind.name == "enum" else [info.get("expected_value")]
            options.extend(v for v in values if v not in options)
    if len(where) != 1:
        return None
    path = next(iter(where))
    got = branches[0][0].instance if len(branches[0]) == 1 else None
    for e in branches[0]:
        if tuple(e.instance_path) == path:
            got = e.instance
    listed = ", ".join(_short(o) for o in options)
    return join("", *path), f"`{path[-1]}` must be one of: {listed} (got {_short(got)})"


def _explain(err: Any) -> Iterator[Problem]:
    kind = err.kind.name
    context = getattr(err.kind, "context", None) if kind in ("anyOf", "oneOf", "oneOfNotValid") else None
    if not context:
        yield from _describe(err)
        return
    depth = len(err.instance_path)
    branches = [b for b in context if b]
    instance = err.instance
    if not (isinstance(instance, dict) and "$ref" in instance):
        non_ref = [b for b in branches if not _is_ref_only(b)]
        branches = non_ref or branches
    if not branches:
        yield from _describe(err)
        return
    common = _common_selector(branches, depth)
    if common is not None:
        yield common
        return
    best = min(branches, key=lambda b: _branch_score(b, depth))
    for sub in best:
        yield from _explain(sub)


# jsonschema-rs refuses instances nested deeper than ~255 levels ("Recursion limit
# reached"). Such documents are validated with what lies deeper than this cut
# away (each cut container replaced by an empty one of the same type).
VALIDATION_DEPTH = 200


def _truncated(data: Any, limit: int) -> Any:
    """A copy of `data` with containers below `limit` levels emptied (iterative)."""
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any, int]] = [(data, root, 0, 0)]
    while stack:
        value, holder, slot, depth = stack.pop()
        if isinstance(value, dict):
            copy: Any = {}
            if depth < limit:
                for k, v in value.items():
                    copy[k] = None
                    stack.append((v, copy, k, depth + 1))
        elif isinstance(value, list):
            copy = [None] * len(value) if depth < limit else []
            if depth < limit:
                for i, v in enumerate(value):
                    stack.append((v, copy, i, depth + 1))
        else:
            copy = value
        holder[slot] = copy
    return root[0]


def validate(data: Any, kind: str) -> list[Problem]:
    """Every structural problem of `data` as (pointer, message), deduplicated."""
    problems: dict[Problem, None] = {}
    try:
        errors = list(validator(kind).iter_errors(data))
    except ValueError:  # nesting beyond jsonschema-rs's limit
        errors = list(validator(kind).iter_errors(_truncated(data, VALIDATION_DEPTH)))
    for err in errors:
        for problem in _explain(err):
            problems.setdefault(problem, None)
    return list(problems)
