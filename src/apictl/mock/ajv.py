"""Validation errors worded and ordered like Ajv's (the validator Prism uses), so
problem documents match Prism's byte for byte.

jsonschema-rs does the validating; this module turns each of its errors into
Ajv's keyword and message ("must be > 100", "must have required property
'id'") and sorts them the way Ajv reports them: at each level the type error
first, then keywords in Ajv's rule order (numbers, strings, arrays, objects),
and properties in the order the schema declares them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apictl.core.document import Document
from apictl.core.refs import Workspace
from apictl.mock.jsvalue import js_string
from apictl.specs.openapi.access import deref

# Ajv's order of keywords within one schema (type first; then the untyped group,
# number, string, array and object groups, then unevaluated*).
RANK = {
    "type": 0,
    "$ref": 1,
    "const": 2,
    "enum": 3,
    "not": 4,
    "anyOf": 5,
    "oneOf": 6,
    "allOf": 7,
    "if": 8,
    "maximum": 10,
    "minimum": 11,
    "exclusiveMaximum": 12,
    "exclusiveMinimum": 13,
    "multipleOf": 14,
    "maxLength": 20,
    "minLength": 21,
    "pattern": 22,
    "format": 23,
    "maxItems": 30,
    "minItems": 31,
    "uniqueItems": 32,
    "additionalItems": 33,
    "prefixItems": 33,
    "items": 34,
    "contains": 35,
    "maxProperties": 40,
    "minProperties": 41,
    "required": 42,
    "dependentRequired": 43,
    "propertyNames": 44,
    "additionalProperties": 45,
    "dependencies": 46,
    "properties": 47,
    "patternProperties": 48,
    "unevaluatedItems": 60,
    "unevaluatedProperties": 61,
    "false schema": 70,
}
LAST = 10**9


@dataclass(slots=True)
class SchemaError:
    path: tuple[str, ...]  # instance path
    keyword: str
    message: str
    order: tuple[tuple[int, int], ...] = ()
    anchor: int | None = None  # contains: errors ordered within the array at this depth of `path`


def _limit(value: Any) -> str:
    return js_string(value)


def _join_allowed(values: Any) -> str:
    if not isinstance(values, list):
        return ""
    return ", ".join(
        "" if v is None else (js_string(v) if not isinstance(v, (dict, list)) else "[object Object]") for v in values
    )


def _unique_pair(items: Any) -> tuple[int, int]:
    """Ajv's (j, i) for the first duplicate found walking backwards."""
    import json

    seen: dict[str, int] = {}
    if isinstance(items, list):
        for i in range(len(items) - 1, -1, -1):
            key = json.dumps(items[i], sort_keys=True)
            if key in seen:
                return seen[key], i
            seen[key] = i
    return 0, 0


def convert(
    error: Any,
    instance: Any,
    subschema: Callable[[list[Any]], Any],
    compile_at: Callable[[list[Any]], Any],
) -> list[SchemaError]:
    """`subschema(path)` is the (translated) schema at a schema path of the
    validator that reported `error`, `compile_at(path)` a validator for it."""
    """Ajv-style errors for one jsonschema-rs error (some become several: each
    additional property, or the failing items of `contains`)."""
    path = tuple(str(t) for t in error.instance_path)
    kind = type(error.kind).__name__
    params = error.kind.as_dict()
    schema_path = list(error.schema_path)
    last = str(schema_path[-1]) if schema_path else ""

    def one(keyword: str, message: str) -> list[SchemaError]:
        return [SchemaError(path, keyword, message)]

    if kind == "Type":
        types = params.get("types") or []
        types = [t for t in types if t != "null"] + (["null"] if "null" in types else [])
        return one("type", "must be " + ",".join(types))
    if kind == "Required":
        prop = params.get("property")
        if last in ("dependentRequired", "dependencies"):
            return one(last, f"must have property {prop} when property is present")
        return one("required", f"must have required property '{prop}'")
    if kind == "Enum":
        schema = subschema(schema_path)
        allowed = schema if isinstance(schema, list) else params.get("options")
        return one("enum", "must be equal to one of the allowed values: " + _join_allowed(allowed))
    if kind == "Constant":
        return one("const", "must be equal to constant")
    if kind in ("Minimum", "Maximum", "ExclusiveMinimum", "ExclusiveMaximum"):
        op = {"Minimum": ">=", "Maximum": "<=", "ExclusiveMinimum": ">", "ExclusiveMaximum": "<"}[kind]
        keyword = kind[0].lower() + kind[1:]
        return one(keyword, f"must be {op} {_limit(params.get('limit'))}")
    if kind == "MultipleOf":
        return one("multipleOf", f"must be multiple of {_limit(params.get('multiple_of'))}")
    if kind in ("MinLength", "MaxLength", "MinItems", "MaxItems", "MinProperties", "MaxProperties"):
        what = {"Length": "characters", "Items": "items", "Properties": "properties"}[kind[3:]]
        cmp = "fewer" if kind.startswith("Min") else "more"
        keyword = kind[0].lower() + kind[1:]
        return one(keyword, f"must NOT have {cmp} than {_limit(params.get('limit'))} {what}")
    if kind == "Pattern":
        return one("pattern", f'must match pattern "{params.get("pattern")}"')
    if kind == "Format":
        return one("format", f'must match format "{params.get("format")}"')
    if kind == "UniqueItems":
        j, i = _unique_pair(_at(instance, path))
        return one("uniqueItems", f"must NOT have duplicate items (items ## {j} and {i} are identical)")
    if kind == "AdditionalProperties":
        unexpected = params.get("unexpected") or []
        return [
            SchemaError(path, "additionalProperties", f"must NOT have additional properties; found '{name}'")
            for name in unexpected
        ] or one("additionalProperties", "must NOT have additional properties")
    if kind == "AnyOf":
        return one("anyOf", "must match a schema in anyOf")
    if kind in ("OneOfNotValid", "OneOfMultipleValid"):
        return one("oneOf", "must match exactly one schema in oneOf")
    if kind == "Not":
        return one("not", "must NOT be valid")
    if kind == "Contains":
        return _contains(path, schema_path, instance, subschema, compile_at)
    if kind == "FalseSchema":
        return one("false schema", "boolean schema is false")
    if kind == "PropertyNames":
        return one("propertyNames", "property name must be valid")
    if kind == "UnevaluatedProperties":
        return one("unevaluatedProperties", "must NOT have unevaluated properties")
    if kind == "UnevaluatedItems":
        return one("unevaluatedItems", "must NOT have unevaluated items")
    if kind == "AdditionalItems":
        return one("additionalItems", f"must NOT have more than {_limit(params.get('limit'))} items")
    return one(last or "schema", str(error.message))


def _contains(
    path: tuple[str, ...],
    schema_path: list[Any],
    instance: Any,
    subschema: Callable[[list[Any]], Any],
    compile_at: Callable[[list[Any]], Any],
) -> list[SchemaError]:
    parent = schema_path[:-1]
    schema = subschema(parent)
    schema = schema if isinstance(schema, dict) else {}
    out: list[SchemaError] = []
    validator = compile_at([*parent, "contains"])
    items = _at(instance, path)
    if validator is not None and isinstance(items, list):
        for index, item in enumerate(items):
            try:
                errors = list(validator.iter_errors(item))
            except (ValueError, TypeError, OverflowError):
                continue
            for e in errors:
                for sub in convert(e, item, lambda p: None, lambda p: None):
                    item_error = SchemaError((*path, str(index), *sub.path), sub.keyword, sub.message)
                    item_error.order, item_error.anchor = ((35, index), (RANK.get(sub.keyword, 50), 0)), len(path)
                    out.append(item_error)
    if str(schema_path[-1]) == "maxContains":
        message = f"must contain at most {_limit(schema.get('maxContains'))} valid item(s)"
    else:
        message = f"must contain at least {_limit(schema.get('minContains', 1))} valid item(s)"
    out.append(SchemaError(path, "contains", message, ((35, LAST),), len(path)))
    return out


def _at(instance: Any, path: tuple[str, ...]) -> Any:
    cur = instance
    for token in path:
        if isinstance(cur, dict):
            cur = cur.get(token)
        elif isinstance(cur, list) and token.isdigit() and int(token) < len(cur):
            cur = cur[int(token)]
        else:
            return None
    return cur


def sort_errors(errors: list[SchemaError], schema: Any, doc: Document, ws: Workspace) -> list[SchemaError]:
    """Errors in Ajv's reporting order (stable for ties)."""
    for e in errors:
        if e.anchor is not None:  # ordered within their array already
            e.order = (*_path_order(schema, doc, ws, e.path[: e.anchor]), *e.order)
        else:
            e.order = (*_path_order(schema, doc, ws, e.path), (RANK.get(e.keyword, 50), 0))
    return sorted(errors, key=lambda e: e.order)


def _path_order(schema: Any, doc: Document, ws: Workspace, path: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    cur, cur_doc = schema, doc
    for token in path:
        cur, cur_doc = _resolve(cur, cur_doc, ws)
        props = _properties(cur, cur_doc, ws)
        if token in props:
            out.append((RANK["properties"], list(props).index(token)))
            cur, cur_doc = props[token]
        elif isinstance(cur, dict) and isinstance(cur.get("items"), (dict, bool)) and token.isdigit():
            out.append((RANK["items"], int(token)))
            cur = cur["items"]
        else:
            out.append((RANK["additionalProperties"], 0))
            cur = cur.get("additionalProperties") if isinstance(cur, dict) else None
    return tuple(out)


def _resolve(schema: Any, doc: Document, ws: Workspace) -> tuple[Any, Document]:
    for _ in range(16):
        if not (isinstance(schema, dict) and "$ref" in schema):
            break
        loc = deref(ws, schema, doc, "")
        if loc is None:
            return None, doc
        schema, doc = loc.value, loc.doc
    return schema, doc


def _properties(schema: Any, doc: Document, ws: Workspace) -> dict[str, tuple[Any, Document]]:
    out: dict[str, tuple[Any, Document]] = {}
    if not isinstance(schema, dict):
        return out
    props = schema.get("properties")
    if isinstance(props, dict):
        for k, v in props.items():
            out.setdefault(str(k), (v, doc))
    for branch in schema.get("allOf") or []:
        b, bdoc = _resolve(branch, doc, ws)
        for k, v in _properties(b, bdoc, ws).items():
            out.setdefault(k, v)
    return out
