"""The official OpenAPI JSON Schemas (as shipped by openapi-spec-validator),
compiled with jsonschema-rs. The files are read without importing
openapi-spec-validator itself, which is slow to import."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from typing import Any

from apictl.core.errors import ApictlError

_DIRS = {"oas2": "v2.0", "oas3.0": "v3.0", "oas3.1": "v3.1", "oas3.2": "v3.2"}


def _schemas_dir() -> Path:
    spec = importlib.util.find_spec("openapi_spec_validator")
    if spec is None or not spec.submodule_search_locations:
        raise ApictlError("openapi-spec-validator is not installed (it provides the official OpenAPI schemas)")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "schemas"


@functools.cache
def official_schema(kind: str) -> dict[str, Any]:
    path = _schemas_dir() / _DIRS[kind] / "schema.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _no_network(uri: str) -> Any:
    raise ValueError(f"refusing to fetch {uri} while compiling the official schema")


@functools.cache
def validator(kind: str) -> Any:
    import jsonschema_rs

    # Formats are not asserted: `format: regex` would judge ECMA-262 patterns by Rust's regex
    # dialect and flag valid documents (as Redocly and Spectral do not).
    return jsonschema_rs.validator_for(official_schema(kind), retriever=_no_network, validate_formats=False)
