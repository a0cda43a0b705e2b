"""Strings from URLs, headers and forms turned into the types their schemas
declare, as Ajv's `coerceTypes` does for Prism: "12" for an integer is 12,
"true" for a boolean is true, "" for null is null. Values that do not convert
stay strings, so validation reports them ("must be integer")."""

from __future__ import annotations

import re
from typing import Any

from apictl.core.document import Document
from apictl.core.jsontypes import json_type
from apictl.core.refs import Workspace
from apictl.mock.jsvalue import js_string
from apictl.specs.openapi.access import deref

_NUMBER = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$")
_MAX_DEPTH = 32


def resolve(schema: Any, doc: Document, ws: Workspace) -> tuple[Any, Document]:
    """Follow `$ref`s (a bounded chain) to the schema they name."""
    for _ in range(16):
        if not (isinstance(schema, dict) and "$ref" in schema):
            break
        loc = deref(ws, schema, doc, "")
        if loc is None:
            return {}, doc
        schema, doc = loc.value, loc.doc
    return schema, doc


def schema_types(schema: Any) -> list[str]:
    t = schema.get("type") if isinstance(schema, dict) else None
    if isinstance(t, str):
        return [t]
    if isinstance(t, list):
        return [x for x in t if isinstance(x, str)]
    return []


def shape(schema: Any, doc: Document, ws: Workspace) -> str:
    """'array', 'object' or 'scalar': how a parameter's text must be split."""
    schema, doc = resolve(schema, doc, ws)
    if not isinstance(schema, dict):
        return "scalar"
    types = schema_types(schema)
    if "array" in types or (not types and "items" in schema):
        return "array"
    if "object" in types or (not types and ("properties" in schema or "additionalProperties" in schema)):
        return "object"
    for key in ("allOf", "oneOf", "anyOf"):
        branches = schema.get(key)
        if isinstance(branches, list):
            for b in branches:
                s = shape(b, doc, ws)
                if s != "scalar":
                    return s
    return "scalar"


def _to(value: Any, target: str) -> tuple[bool, Any]:
    if target in ("number", "integer"):
        if isinstance(value, str) and _NUMBER.match(value):
            n = float(value)
            if n.is_integer() and abs(n) < 2**63:
                return True, int(n)
            return (target == "number"), n
        if isinstance(value, bool):
            return True, int(value)
        if value is None:
            return True, 0
        if target == "integer" and isinstance(value, float) and value.is_integer():
            return True, int(value)
        return False, value
    if target == "boolean":
        if value in ("true", "false"):
            return True, value == "true"
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value in (0, 1):
            return True, bool(value)
        if value is None:
            return True, False
        return False, value
    if target == "string":
        if isinstance(value, (int, float, bool)):
            return True, js_string(value)
        if value is None:
            return True, ""
        return False, value
    if target == "null":
        if value == "" or value is False or (type(value) in (int, float) and value == 0):
            return True, None
        return False, value
    return False, value


def coerce(value: Any, schema: Any, doc: Document, ws: Workspace, depth: int = 0) -> Any:
    if depth > _MAX_DEPTH:
        return value
    schema, doc = resolve(schema, doc, ws)
    if not isinstance(schema, dict):
        return value
    for sub in schema.get("allOf") or []:
        value = coerce(value, sub, doc, ws, depth + 1)
    types = schema_types(schema)
    if schema.get("nullable") is True or schema.get("x-nullable") is True:
        types = [*types, "null"]
    if types:
        actual = json_type(value)
        if actual not in types and not (actual == "integer" and "number" in types):
            for target in types:
                ok, converted = _to(value, target)
                if ok:
                    value = converted
                    break
    if isinstance(value, dict):
        props: dict[str, Any] = schema["properties"] if isinstance(schema.get("properties"), dict) else {}
        extra = schema.get("additionalProperties")
        for k in list(value):
            if k in props:
                value[k] = coerce(value[k], props[k], doc, ws, depth + 1)
            elif isinstance(extra, dict):
                value[k] = coerce(value[k], extra, doc, ws, depth + 1)
    elif isinstance(value, list):
        items = schema.get("items")
        if isinstance(items, dict):
            value = [coerce(v, items, doc, ws, depth + 1) for v in value]
    if not types:
        for key in ("oneOf", "anyOf"):
            branches = schema.get(key)
            if isinstance(branches, list) and branches and isinstance(value, str):
                for b in branches:
                    converted = coerce(value, b, doc, ws, depth + 1)
                    if converted is not value:
                        return converted
    return value
