"""jsonschema-rs errors, reported the way Spectral's `schema` function does.

Spectral validates with ajv and formats ajv's errors with
@stoplight/better-ajv-errors. This module turns jsonschema-rs errors into
ajv-shaped ones (keyword, instancePath, ajv's English message) — when
`allErrors` is off only the error ajv would stop at, in ajv's keyword
evaluation order — and then applies better-ajv-errors' tree logic
(`anyOf` errors give way to their branches' errors, sibling `enum` errors
are merged, messages get a `"name" property` prefix and "Did you mean"
suggestions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from apictl.core.pointer import escape
from apictl.lint.spectral.jsvalues import json_stringify, to_string

# ajv evaluates `type` first, then untyped keywords, then number, string, array
# and object keywords, each group in the order its vocabulary defines them.
_ORDER = {
    k: i
    for i, k in enumerate(
        [
            "type",
            "$ref",
            "const",
            "enum",
            "not",
            "anyOf",
            "oneOf",
            "allOf",
            "if",
            "then",
            "else",
            "maximum",
            "minimum",
            "exclusiveMaximum",
            "exclusiveMinimum",
            "multipleOf",
            "maxLength",
            "minLength",
            "pattern",
            "format",
            "maxItems",
            "minItems",
            "uniqueItems",
            "additionalItems",
            "prefixItems",
            "items",
            "contains",
            "maxProperties",
            "minProperties",
            "required",
            "dependentRequired",
            "dependencies",
            "propertyNames",
            "additionalProperties",
            "properties",
            "patternProperties",
            "unevaluatedItems",
            "unevaluatedProperties",
        ]
    )
}


@dataclass
class AjvError:
    keyword: str
    instance_path: str  # "/a/0/b"
    message: str
    params: dict[str, Any] = field(default_factory=dict)


def _schema_at(schema: Any, path: list[Any]) -> Any:
    node = schema
    for tok in path:
        if isinstance(node, dict):
            node = node.get(str(tok))
        elif isinstance(node, list) and isinstance(tok, int) and tok < len(node):
            node = node[tok]
        else:
            return None
    return node


def _order_key(schema: Any, schema_path: list[Any]) -> tuple[int, ...]:
    key: list[int] = []
    node = schema
    parent_kw = ""
    for tok in schema_path:
        if isinstance(tok, int):
            key.append(tok)
        elif parent_kw in ("properties", "patternProperties", "dependencies", "$defs", "definitions"):
            names = list(node) if isinstance(node, dict) else []
            key.append(names.index(tok) if tok in names else len(names))
            parent_kw = ""
        else:
            key.append(_ORDER.get(tok, len(_ORDER)))
            parent_kw = tok
        if isinstance(node, dict):
            node = node.get(str(tok))
        elif isinstance(node, list) and isinstance(tok, int) and tok < len(node):
            node = node[tok]
    return tuple(key)


def _pointer(path: list[Any]) -> str:
    return "".join("/" + escape(str(p)) for p in path)


def convert(schema: Any, errors: list[Any], all_errors: bool, data: Any) -> list[AjvError]:
    """ajv's `validate.errors` for these jsonschema-rs errors on `data`."""
    if not errors:
        return []
    if not all_errors:
        errors = [min(errors, key=lambda e: _order_key(schema, list(e.schema_path)))]
    out: list[AjvError] = []
    seen: set[tuple[str, str, str]] = set()
    for e in errors:
        for err in _expand(schema, e, all_errors, data):
            key = (err.keyword, err.instance_path, str(err.params.get("additionalProperty", err.message)))
            if err.keyword == "additionalProperties" and key in seen:
                continue  # jsonschema-rs reports `additionalProperties: false` once per extra property
            seen.add(key)
            out.append(err)
    return out


def _expand(schema: Any, e: Any, all_errors: bool, data: Any) -> list[AjvError]:
    kind = type(e.kind).__name__
    ipath = list(e.instance_path)
    spath = list(e.schema_path)
    where = _pointer(ipath)
    if kind in ("AnyOf", "OneOfNotValid"):
        keyword = "anyOf" if kind == "AnyOf" else "oneOf"
        sub: list[AjvError] = []
        for branch in e.kind.context:
            branch = list(branch)
            if not branch:
                continue
            chosen = branch if all_errors else [min(branch, key=lambda x: _order_key(schema, list(x.schema_path)))]
            for b in chosen:
                sub.extend(_expand(schema, b, all_errors, data))
        msg = "must match a schema in anyOf" if keyword == "anyOf" else "must match exactly one schema in oneOf"
        return [*sub, AjvError(keyword, where, msg, {})]
    if kind == "OneOfMultipleValid":
        return [AjvError("oneOf", where, "must match exactly one schema in oneOf", {"passingSchemas": [0, 1]})]
    if kind == "AdditionalProperties" or (kind == "FalseSchema" and spath and spath[-1] == "additionalProperties"):
        names = list(e.kind.unexpected) if kind == "AdditionalProperties" else _extra(schema, spath, data, where)
        if not all_errors:
            names = names[:1]
        return [
            AjvError("additionalProperties", where, "must NOT have additional properties", {"additionalProperty": n})
            for n in names
        ]
    keyword = spath[-1] if spath and isinstance(spath[-1], str) else "false schema"
    node = _schema_at(schema, spath)
    message, params = _message(kind, keyword, node, e)
    return [AjvError(keyword, where, message, params)]


def _extra(schema: Any, spath: list[Any], data: Any, where: str) -> list[str]:
    """The members `additionalProperties: false` rejects (jsonschema-rs does not name them)."""
    parent = _schema_at(schema, spath[:-1])
    value = _value_at(data, where)
    if not isinstance(parent, dict) or not isinstance(value, dict):
        return []
    props = parent.get("properties")
    known: dict[str, Any] = props if isinstance(props, dict) else {}
    pattern_props = parent.get("patternProperties")
    patterns = list(pattern_props) if isinstance(pattern_props, dict) else []
    return [k for k in value if k not in known and not any(re.search(p, k) for p in patterns)]


def _message(kind: str, keyword: str, node: Any, e: Any) -> tuple[str, dict[str, Any]]:
    d = e.kind.as_dict()
    limit = d.get("limit")
    if kind == "Type":
        t = node if node is not None else d.get("types")
        return f"must be {to_string(t)}", {"type": t}
    if kind == "Required":
        if keyword == "dependencies":
            return f"must have property {d['property']} when property is present", {}
        return f"must have required property '{d['property']}'", {"missingProperty": d["property"]}
    if kind == "Enum":
        return "must be equal to one of the allowed values", {"allowedValues": list(node or d.get("options") or [])}
    if kind == "Constant":
        return "must be equal to constant", {}
    simple = {
        "MinLength": f"must NOT have fewer than {limit} characters",
        "MaxLength": f"must NOT have more than {limit} characters",
        "MinItems": f"must NOT have fewer than {limit} items",
        "MaxItems": f"must NOT have more than {limit} items",
        "MinProperties": f"must NOT have fewer than {limit} properties",
        "MaxProperties": f"must NOT have more than {limit} properties",
        "Minimum": f"must be >= {to_string(limit)}",
        "Maximum": f"must be <= {to_string(limit)}",
        "ExclusiveMinimum": f"must be > {to_string(limit)}",
        "ExclusiveMaximum": f"must be < {to_string(limit)}",
        "Not": "must NOT be valid",
        "FalseSchema": "boolean schema is false",
        "PropertyNames": "property name must be valid",
        "UniqueItems": "must NOT have duplicate items",
        "Contains": "must contain at least 1 valid item(s)",
        "UnevaluatedProperties": "must NOT have unevaluated properties",
    }
    if kind in simple:
        return simple[kind], {}
    if kind == "MultipleOf":
        return f"must be multiple of {to_string(d.get('multiple_of'))}", {}
    if kind == "Pattern":
        return f'must match pattern "{d.get("pattern")}"', {}
    if kind == "Format":
        return f'must match format "{d.get("format")}"', {}
    return str(getattr(e, "message", "is invalid")), {}


# --- @stoplight/better-ajv-errors ------------------------------------------


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    errors: list[AjvError] | None = field(default_factory=list)


def _segments(instance_path: str) -> list[str]:
    if instance_path == "":
        return [""]
    return [m.group(0) for m in re.finditer(r"/[\w$_-]+(/\d+)?", instance_path)]


def prettify(errors: list[AjvError], data: Any, prop_path: list[Any]) -> list[tuple[str, str | None, str]]:
    """(error, suggestion, instancePath) per reported error, as better-ajv-errors does."""
    root = _Node(errors=None)
    for err in errors:
        node = root
        segs = _segments(err.instance_path)
        for i, seg in enumerate(segs):
            node = node.children.setdefault(seg, _Node())
            if i == len(segs) - 1:
                assert node.errors is not None
                node.errors.append(err)
    _filter(root, None, None)
    out: list[tuple[str, str | None, str]] = []
    _create(root, data, prop_path, out)
    return out


def _filter(node: _Node, parent: _Node | None, key: str | None) -> None:
    errs = node.errors or []
    if any(e.keyword == "anyOf" for e in errs) and node.children:
        node.errors = None
    errs = node.errors or []
    if errs and all(e.keyword == "enum" for e in errs) and parent is not None and key is not None:
        if any(c.errors for k, c in parent.children.items() if c is not node):
            del parent.children[key]
    for k, child in list(node.children.items()):
        _filter(child, node, k)


def _value_at(data: Any, path: str) -> Any:
    node = data
    if path == "":
        return node
    for tok in path[1:].split("/"):
        tok = tok.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(tok)
        elif isinstance(node, list) and tok.isdigit() and int(tok) < len(node):
            node = node[int(tok)]
        else:
            return None
    return node


def _prop_name(path: str, prop_path: list[Any]) -> str | None:
    i = path.rfind("/")
    if i != -1:
        return path[i + 1 :]
    if not prop_path:
        return None
    return str(prop_path[-1])


def _pretty_name(path: str, data: Any, prop_path: list[Any]) -> str:
    name = _prop_name(path, prop_path)
    if name is None:
        from apictl.lint.spectral.jsvalues import typeof

        t = typeof(_value_at(data, path))
        return t[:1].upper() + t[1:]
    return f'"{name}" property'


def _clean(message: str) -> str:
    return message.replace("'", '"').replace("NOT", "not")


def _create(node: _Node, data: Any, prop_path: list[Any], out: list[tuple[str, str | None, str]]) -> None:
    errs = node.errors or []
    if errs and all(e.keyword == "enum" for e in errs):
        allowed: list[Any] = []
        for e in errs:
            for v in e.params.get("allowedValues", []):
                if not any(v == a and type(v) is type(a) for a in allowed):
                    allowed.append(v)
        first = errs[0]
        values = ", ".join(f'"{v}"' if isinstance(v, str) else json_stringify(v) for v in allowed)
        error = f"{_pretty_name(first.instance_path, data, prop_path)} {first.message}: {values}"
        out.append((error, _suggestion(_value_at(data, first.instance_path), allowed), first.instance_path))
        return
    for e in errs:
        if e.keyword == "additionalProperties":
            text = f'Property "{e.params.get("additionalProperty")}" is not expected to be here'
        elif e.keyword == "type":
            name = _prop_name(e.instance_path, prop_path)
            text = f"Value type {e.message}" if name is None else f'"{name}" property type {e.message}'
        else:
            text = f"{_pretty_name(e.instance_path, data, prop_path)} {_clean(e.message)}"
        out.append((text, None, e.instance_path))
    for child in node.children.values():
        _create(child, data, prop_path, out)


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _suggestion(current: Any, allowed: list[Any]) -> str | None:
    if not isinstance(current, str):
        return None
    matches = sorted(((v, _levenshtein(v, current)) for v in allowed if isinstance(v, str)), key=lambda m: m[1])
    if not matches:
        return None
    best, weight = matches[0]
    if len(allowed) == 1 or weight < len(best):
        return f'Did you mean "{best}"?'
    return None
