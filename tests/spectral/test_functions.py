"""Core functions called directly: results, skipped inputs and option errors.

Their messages as Spectral renders them (templates, property names, positions)
are compared with Spectral's own output in test_agreement.py (`functions` case,
data/functions/); here each function's contract is pinned down case by case,
from data/functions/cases.yaml."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from apictl.lint.spectral.functions import CORE, FunctionContext, OptionsError
from apictl.lint.spectral.jsvalues import UNDEFINED
from tests.spectral.conftest import DATA

CASES: list[dict[str, Any]] = yaml.safe_load((DATA / "functions" / "cases.yaml").read_text(encoding="utf-8"))


def call(name: str, value: Any, options: Any = None, formats: frozenset[str] = frozenset(), path: Any = None) -> Any:
    fn = CORE[name]
    prepared = fn.prepare(options)
    if not fn.accepts(value):
        return "skipped"
    ctx = FunctionContext(lambda: list(path if path is not None else ["p"]), [], formats, True, lambda: set(), "")
    results = fn.run(value, prepared, ctx) or []
    return [r.message if r.path is None else [r.message, [str(s) for s in r.path]] for r in results]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['function']}-{i}" for i, c in enumerate(CASES)])
def test_function_case(case: dict[str, Any]) -> None:
    value = UNDEFINED if case.get("undefined") else case.get("input")
    got = call(case["function"], value, case.get("options"), frozenset(case.get("formats", [])), case.get("path"))
    assert got == case["expect"]


def test_every_core_function_has_cases() -> None:
    assert {c["function"] for c in CASES} == set(CORE)


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("truthy", {"a": 1}, '"truthy" function does not accept any options'),
        ("pattern", {}, '"pattern" function has invalid options specified'),
        ("pattern", {"match": 1}, '"pattern" function and its "match" option must be string or RegExp instance'),
        ("pattern", {"match": "("}, "invalid regular expression"),
        ("pattern", {"matches": "x"}, '"pattern" function does not support "matches" option'),
        ("casing", {}, '"casing" function is missing "type" option'),
        ("casing", {"type": "upper"}, '"casing" function and its "type" option accept the following values'),
        ("casing", {"type": "camel", "separator": {"char": "ab"}}, 'its "separator.char" option accepts only char'),
        ("length", {}, '"length" function has invalid options specified'),
        ("length", {"min": "1"}, '"length" function and its "min" option accepts only the following types: number'),
        ("enumeration", {}, '"enumeration" function is missing "values" option'),
        ("enumeration", {"values": [{}]}, '"enumeration" and its "values" option support only arrays of primitive'),
        ("alphabetical", {"keyedBy": 1}, '"alphabetical" function and its "keyedBy" option accepts only'),
        ("xor", {"properties": ["a"]}, '"xor" requires at least two enumerated "properties"'),
        ("or", {}, '"or" function is missing "properties" option'),
        ("schema", {}, '"schema" function is missing "schema" option'),
        ("schema", {"schema": {}, "dialect": "draft3"}, '"schema" function and its "dialect" option accepts only'),
        ("unreferencedReusableObject", {}, 'missing "reusableObjectsLocation" option'),
        ("unreferencedReusableObject", {"reusableObjectsLocation": "/x"}, "support only valid JSON Pointer fragments"),
        ("typedEnum", {"x": 1}, '"typedEnum" function does not accept any options'),
    ],
)
def test_invalid_options(name: str, options: Any, message: str) -> None:
    with pytest.raises(OptionsError) as err:
        CORE[name].prepare(options)
    assert message in str(err.value)


def test_schema_never_fetches_remote_references() -> None:
    results = call("schema", {"a": 1}, {"schema": {"$ref": "https://json-schema.org/draft-07/schema"}})
    assert results == []  # an unresolvable reference is ignored for resolved rules, as Spectral's ajv does
