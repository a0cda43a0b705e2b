"""`then.field`: which part of a matched node a function looks at.

Spectral's `getLintTargets`: no field, or a value that is not an object or
array -> the value itself; `@key` -> every key; `$…` -> JSONPath on the value
(jsonpath-plus); anything else -> a lodash path (`a.b`, `a[0]`, `['x.y']`),
read with lodash's `get` (so a member literally named `a.b` wins).
"""

from __future__ import annotations

import re
from typing import Any

from apictl.lint.spectral.jsonpath import FILTER, NAME, SLICE, WILD, JsonPath, parse_path
from apictl.lint.spectral.jsvalues import UNDEFINED, is_array_index

_PROP_NAME = re.compile(
    r"""[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))"""
)
_ESCAPE = re.compile(r"\\(\\)?")
_DEEP_PROP = re.compile(r"""\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]""")
_PLAIN_PROP = re.compile(r"^\w*$")
_PATHS: dict[str, JsonPath] = {}


def to_path(text: str) -> list[str]:
    """lodash's `toPath`."""
    out: list[str] = []
    if text.startswith("."):
        out.append("")
    for m in _PROP_NAME.finditer(text):
        number, quote, sub = m.group(1), m.group(2), m.group(3)
        out.append(_ESCAPE.sub(lambda e: e.group(1) or "", sub) if quote else (number or m.group(0)))
    return out


def _member(obj: Any, key: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(key, UNDEFINED)
    if isinstance(obj, list):
        if key == "length":
            return len(obj)
        if is_array_index(key) and int(key) < len(obj):
            return obj[int(key)]
    if isinstance(obj, str) and key == "length":
        return len(obj)
    return UNDEFINED


def lodash_get(obj: Any, text: str) -> Any:
    is_key = bool(_PLAIN_PROP.match(text)) or not _DEEP_PROP.search(text) or (isinstance(obj, dict) and text in obj)
    path = [text] if is_key else to_path(text)
    for seg in path:
        if obj is None or obj is UNDEFINED:
            return UNDEFINED
        obj = _member(obj, seg)
    return obj


def targets(value: Any, field: str | None) -> list[tuple[list[Any], Any]]:
    """(relative path, value) pairs a function is called with."""
    if field is None or not isinstance(value, (dict, list)):
        return [([], value)]
    if field == "@key":
        keys = list(value) if isinstance(value, dict) else [str(i) for i in range(len(value))]
        return [([k], k) for k in keys] or [([], UNDEFINED)]
    if field.startswith("$"):
        jp = _PATHS.get(field)
        if jp is None:
            jp = _PATHS[field] = parse_path(field)
        found = evaluate(jp, value)
        return found or [([], UNDEFINED)]
    return [(to_path(field), lodash_get(value, field))]


Walked = tuple[Any, list[str], "str | None"]


def node_targets(
    view: Any, node: Any, field: str | None, key: Any, deep: bool = True
) -> list[tuple[list[Any], Any, Walked | None]]:
    """`targets` for a node of the resolved view, resolving only what the field
    reaches; for a member path also where the walk ended (for `ResolvedView.finish`).
    `deep=False`: the function only looks at the value's own keys, items or
    truthiness, which are the same written and resolved, so nothing is resolved."""
    raw = node.raw
    if field is None and ((type(raw) is not dict and type(raw) is not list) or not deep):
        return [([], raw, None)]
    if field is None or not isinstance(raw, (dict, list)) or field.startswith("$") or field == "@key":
        value = raw if field == "@key" else view.value(node)
        return [(rel, v, None) for rel, v in targets(value, field)]
    is_key = bool(_PLAIN_PROP.match(field)) or not _DEEP_PROP.search(field) or (isinstance(raw, dict) and field in raw)
    rel: list[Any] = [field] if is_key else to_path(field)
    walked = view.walk(node, rel, key)
    current, tail, _ = walked
    if tail:
        if len(tail) == 1 and tail[0] == "length" and isinstance(current.raw, list):
            return [(rel, len(current.raw), walked)]
        return [(rel, UNDEFINED, walked)]
    return [(rel, view.value(current) if deep else current.raw, walked)]


def evaluate(jp: JsonPath, value: Any) -> list[tuple[list[Any], Any]]:
    """A JSONPath on a plain value (no `$ref`s, no memoisation): for `field`s."""
    from apictl.lint.spectral.jsexpr import EvalContext

    results: list[tuple[list[Any], Any]] = []
    seen: set[tuple[Any, ...]] = set()

    def children(node: Any) -> list[tuple[Any, Any]]:
        if isinstance(node, dict):
            return list(node.items())
        if isinstance(node, list):
            return list(enumerate(node))
        return []

    def walk(node: Any, path: list[Any], i: int, parent_key: Any) -> None:
        if i == len(jp.steps):
            key = tuple(path)
            if key not in seen:
                seen.add(key)
                results.append((list(path), node))
            return
        step = jp.steps[i]
        for k, c in children(node):
            ks = str(k)
            if step.kind == WILD:
                hit = True
            elif step.kind == NAME:
                hit = ks in step.keys
            elif step.kind == SLICE:
                hit = type(k) is int and step.slice_contains(k, len(node))
            elif step.kind == FILTER and step.filter is not None:
                ctx = EvalContext(c, k, node, parent_key, lambda: value, lambda: "$")
                hit = step.filter.matches(ctx)
            else:
                hit = False
            if hit:
                walk(c, [*path, k], i + 1, path[-1] if path else None)
            if step.deep and isinstance(c, (dict, list)):
                walk(c, [*path, k], i, path[-1] if path else None)

    walk(value, [], 0, None)
    return results
