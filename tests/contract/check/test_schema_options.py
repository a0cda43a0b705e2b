"""The SchemaValidators options pact checks use (specs/openapi/jsonschema.py):
closed objects across allOf/oneOf, relaxed `required`, strict readOnly/writeOnly,
and an allOf branch's `additionalProperties: false` closing the union."""

from __future__ import annotations

from typing import Any

import pytest

from apictl.core.document import Document
from apictl.core.refs import Workspace
from apictl.specs.openapi.jsonschema import REQUEST, RESPONSE, SchemaValidators

SCHEMAS: dict[str, Any] = {
    "A": {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
    "B": {"allOf": [{"$ref": "#/components/schemas/A"}, {"type": "object", "properties": {"b": {"type": "integer"}}}]},
    "C": {
        "oneOf": [
            {"$ref": "#/components/schemas/A"},
            {"type": "object", "required": ["c"], "properties": {"c": {"type": "string"}}},
        ]
    },
    "D": {
        "allOf": [
            {"$ref": "#/components/schemas/A"},
            {"type": "object", "additionalProperties": False, "properties": {"d": {"type": "integer"}}},
        ]
    },
    "E": {"type": "object", "properties": {"n": {"$ref": "#/components/schemas/A"}, "free": {}}},
    "F": {
        "type": "object",
        "required": ["id", "secret"],
        "properties": {"id": {"type": "integer", "readOnly": True}, "secret": {"type": "string", "writeOnly": True}},
    },
    "M": {"type": "object", "additionalProperties": {"type": "integer"}},
    "T": {"type": "object", "additionalProperties": True, "properties": {"a": {}}},
}


def _ws(version: str) -> tuple[Workspace, Document]:
    data = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": SCHEMAS}}
    doc = Document(uri="mem.json", text="{}", data=data, syntax="json", kind=version)
    return Workspace(doc), doc


def _valid(sv: SchemaValidators, doc: Document, name: str, value: Any, mode: str = RESPONSE) -> bool:
    return not sv.errors(SCHEMAS[name], doc, f"/components/schemas/{name}", value, mode)


@pytest.fixture(params=["oas3.0", "oas3.1"])
def setup(request: pytest.FixtureRequest) -> tuple[Workspace, Document, str]:
    ws, doc = _ws(request.param)
    return ws, doc, request.param


def test_closed_objects_close_the_union_of_all_of(setup: tuple[Workspace, Document, str]) -> None:
    ws, doc, version = setup
    sv = SchemaValidators(ws, version, draft="2020-12", closed=True, optional=True)
    assert _valid(sv, doc, "B", {"a": "x", "b": 1})
    assert not _valid(sv, doc, "B", {"a": "x", "z": 1})
    assert _valid(sv, doc, "B", {"b": 1})  # optional: `required` relaxed
    assert _valid(sv, doc, "E", {"n": {"a": "x"}, "free": {"anything": 1}})  # an untyped schema stays open
    assert not _valid(sv, doc, "E", {"n": {"q": 1}})
    assert _valid(sv, doc, "M", {"x": 1}) and not _valid(sv, doc, "M", {"x": "s"})
    assert not _valid(sv, doc, "T", {"a": 1, "z": 2})  # `additionalProperties: true` reads as unsaid, as SMV


def test_one_of_with_relaxed_required_is_any_of(setup: tuple[Workspace, Document, str]) -> None:
    ws, doc, version = setup
    sv = SchemaValidators(ws, version, draft="2020-12", closed=True, optional=True)
    assert _valid(sv, doc, "C", {"a": "x"})  # matches both branches once `required` is relaxed
    assert not _valid(sv, doc, "C", {"z": 1})
    strict = SchemaValidators(ws, version, draft="2020-12", closed=True)
    assert not _valid(strict, doc, "C", {"a": "x", "c": "y"})


def test_all_of_branch_closing_closes_the_union(setup: tuple[Workspace, Document, str]) -> None:
    ws, doc, version = setup
    sv = SchemaValidators(ws, version, draft="2020-12")
    assert _valid(sv, doc, "D", {"a": "x", "d": 1}, REQUEST)  # plain JSON Schema would reject 'a' in branch 2
    assert not _valid(sv, doc, "D", {"a": "x", "z": 1}, REQUEST)
    assert not _valid(sv, doc, "D", {"d": 1}, REQUEST)
    default = SchemaValidators(ws, version)  # lint's and the mock's reading is unchanged
    assert not _valid(default, doc, "D", {"a": "x", "d": 1}, REQUEST)


def test_strict_access(setup: tuple[Workspace, Document, str]) -> None:
    ws, doc, version = setup
    sv = SchemaValidators(ws, version, draft="2020-12", strict_access=True)
    assert _valid(sv, doc, "F", {"secret": "s"}, REQUEST)
    assert not _valid(sv, doc, "F", {"id": 1, "secret": "s"}, REQUEST)
    assert _valid(sv, doc, "F", {"id": 1}, RESPONSE)
    assert not _valid(sv, doc, "F", {"id": 1, "secret": "s"}, RESPONSE)
