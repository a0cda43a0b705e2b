"""Spectral's document formats (`formats: [oas3]`), detected on the document.

Names are accepted as rulesets write them (`oas3.1`, `oas3_1`,
`json-schema-draft7`, …) and normalised to Spectral's identifiers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_DRAFT = re.compile(r"^https?://json-schema.org/(?:draft-0([467])|draft/(20(?:19-09|20-12)))/(?:hyper-)?schema#?$")
_JSON_SCHEMA_TYPES = {"array", "boolean", "integer", "null", "number", "object", "string"}


def _version(doc: Any, key: str, rx: str) -> bool:
    return isinstance(doc, dict) and key in doc and re.match(rx, _js_string(doc[key])) is not None


def _js_string(v: Any) -> str:
    from apictl.lint.spectral.jsvalues import to_string

    return to_string(v)


def _major(doc: Any, key: str, major: int) -> bool:
    if not isinstance(doc, dict) or key not in doc:
        return False
    m = re.match(r"\s*[+-]?\d+", _js_string(doc[key]))  # parseInt
    return m is not None and int(m.group(0)) == major


def _is_json_schema(doc: Any) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("$schema"), str) and "//json-schema.org/" in doc["$schema"]


def _draft(doc: Any) -> str | None:
    if not _is_json_schema(doc):
        return None
    m = _DRAFT.match(doc["$schema"])
    return f"draft{m.group(1) or m.group(2)}" if m else None


def _loose(doc: Any) -> bool:
    if not isinstance(doc, dict):
        return False
    t = doc.get("type")
    typed = (isinstance(t, str) and t in _JSON_SCHEMA_TYPES) or (
        isinstance(t, list) and all(x in _JSON_SCHEMA_TYPES for x in t)
    )
    compound = any(isinstance(doc.get(k), (dict, list)) for k in ("allOf", "oneOf", "anyOf", "not", "if"))
    return _is_json_schema(doc) or typed or isinstance(doc.get("enum"), list) or compound


DETECTORS: dict[str, Callable[[Any], bool]] = {
    "oas2": lambda d: _major(d, "swagger", 2),
    "oas3": lambda d: _major(d, "openapi", 3),
    "oas3_0": lambda d: _major(d, "openapi", 3) and _version(d, "openapi", r"^3\.0(?:\.[0-9]*)?$"),
    "oas3_1": lambda d: _major(d, "openapi", 3) and _version(d, "openapi", r"^3\.1(?:\.[0-9]*)?$"),
    "oas3_2": lambda d: _major(d, "openapi", 3) and _version(d, "openapi", r"^3\.2(?:\.[0-9]*)?$"),
    "asyncapi2": lambda d: _version(d, "asyncapi", r"^2\.\d+\.\d+(?:-.+)?$"),
    "asyncapi3": lambda d: _version(d, "asyncapi", r"^3\.\d+\.\d+(?:-.+)?$"),
    "arazzo1_0": lambda d: _version(d, "arazzo", r"^1\.0\.\d+(?:-.+)?$"),
    "jsonSchema": _is_json_schema,
    "jsonSchemaLoose": _loose,
    "jsonSchemaDraft4": lambda d: _draft(d) == "draft4",
    "jsonSchemaDraft6": lambda d: _draft(d) == "draft6",
    "jsonSchemaDraft7": lambda d: _draft(d) == "draft7",
    "jsonSchemaDraft2019_09": lambda d: _draft(d) == "draft2019-09",
    "jsonSchemaDraft2020_12": lambda d: _draft(d) == "draft2020-12",
}
DISPLAY = {
    "oas2": "OpenAPI 2.0 (Swagger)",
    "oas3": "OpenAPI 3.x",
    "oas3_0": "OpenAPI 3.0.x",
    "oas3_1": "OpenAPI 3.1.x",
    "oas3_2": "OpenAPI 3.2.x",
    "asyncapi2": "AsyncAPI 2.x",
    "asyncapi3": "AsyncAPI 3.x",
    "arazzo1_0": "Arazzo 1.0.x",
    "jsonSchema": "JSON Schema",
    "jsonSchemaLoose": "JSON Schema (loose)",
    "jsonSchemaDraft4": "JSON Schema Draft 4",
    "jsonSchemaDraft6": "JSON Schema Draft 6",
    "jsonSchemaDraft7": "JSON Schema Draft 7",
    "jsonSchemaDraft2019_09": "JSON Schema Draft 2019-09",
    "jsonSchemaDraft2020_12": "JSON Schema Draft 2020-12",
}
_ALIASES = {
    "json-schema-2019-09": "json-schema-draft-2019-09",
    "json-schema-2020-12": "json-schema-draft-2020-12",
    "arazzo1": "arazzo1.0",
}


def normalise(name: str) -> str | None:
    """A format name as written in a ruleset -> Spectral's identifier (None: unknown)."""
    name = _ALIASES.get(name, name)
    safe = re.sub(r"\.|([0-9])-(?=[0-9])", lambda m: (m.group(1) or "") + "_", name)
    safe = re.sub(r"-([0-9a-z])", lambda m: m.group(1).upper(), safe)
    if safe == "isOas3":
        safe = "oas3"
    return safe if safe in DETECTORS else None


def detect(data: Any, candidates: set[str]) -> frozenset[str]:
    return frozenset(f for f in candidates if DETECTORS[f](data))
