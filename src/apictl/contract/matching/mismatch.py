"""`Mismatch`: one way in which what arrived differs from what a pact expects."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from apictl.core.jsontypes import json_type

METHOD, PATH, QUERY, HEADER, BODY, BODY_TYPE, STATUS, METADATA = (
    "method",
    "path",
    "query",
    "header",
    "body",
    "body-type",
    "status",
    "metadata",
)


@dataclass(frozen=True, slots=True)
class Mismatch:
    kind: str  # METHOD | PATH | QUERY | HEADER | BODY | BODY_TYPE | STATUS | METADATA
    path: str  # "$.animals[0].name" in bodies; the header / parameter / metadata key; "" otherwise
    expected: Any
    actual: Any
    message: str

    def describe(self) -> str:
        where = f"{self.kind} {self.path}" if self.path else self.kind
        return f"{where}: {self.message}"

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.kind,
            "path": self.path,
            "expected": _plain(self.expected),
            "actual": _plain(self.actual),
            "mismatch": self.message,
        }


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)
    return value


def show(value: Any) -> str:
    """A value as written in messages: JSON for JSON values, quoted strings."""
    if isinstance(value, str):
        return f"'{value}'"
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


_TYPE_NAMES = {
    "null": "Null",
    "boolean": "Boolean",
    "integer": "Integer",
    "number": "Decimal",
    "string": "String",
    "array": "List",
    "object": "Map",
}


def type_name(value: Any) -> str:
    return _TYPE_NAMES[json_type(value)] if isinstance(value, (type(None), bool, int, float, str, list, dict)) else "?"
