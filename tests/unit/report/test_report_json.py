from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from apictl.core.diagnostic import Diagnostic, Severity, Span
from apictl.report import ReportContext
from apictl.report.json_format import render

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "docs" / "schemas" / "lint-report.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _errors(validator: Draft202012Validator, doc: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def test_output_validates_against_schema(
    validator: Draft202012Validator, diagnostics: list[Diagnostic], ctx: ReportContext
) -> None:
    assert _errors(validator, json.loads(render(diagnostics, ctx))) == []


def test_empty_output_validates(validator: Draft202012Validator, ctx: ReportContext) -> None:
    doc = json.loads(render([], ctx))
    assert _errors(validator, doc) == []
    assert doc["summary"] == {"files": 3, "errors": 0, "warnings": 0, "infos": 0, "hints": 0, "total": 0}
    assert doc["diagnostics"] == []


def test_schema_rejects_drift(
    validator: Draft202012Validator, diagnostics: list[Diagnostic], ctx: ReportContext
) -> None:
    doc = json.loads(render(diagnostics, ctx))
    doc["diagnostics"][0]["unexpected"] = True
    doc["diagnostics"][1]["severity"] = "warning"
    assert len(_errors(validator, doc)) == 2


def test_key_order_and_formatting(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    out = render(diagnostics, ctx)
    assert out.endswith("}\n") and not out.endswith("\n\n")
    assert out.startswith('{\n  "version": 1,\n  "tool": {\n    "name": "apictl",')
    doc = json.loads(out)
    assert list(doc) == ["version", "tool", "summary", "diagnostics"]
    assert list(doc["summary"]) == ["files", "errors", "warnings", "infos", "hints", "total"]
    keys = ["code", "rule", "severity", "message", "file", "pointer", "range"]
    for item in doc["diagnostics"]:
        assert list(item)[:7] == keys
        assert set(list(item)[7:]) <= {"old", "category"}
    breaking = next(item for item in doc["diagnostics"] if "old" in item)
    assert list(breaking)[7:] == ["old", "category"]
    assert list(breaking["old"]) == ["file", "pointer", "range"]


def test_values(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    doc = json.loads(render(diagnostics, ctx))
    assert doc["tool"] == {"name": "apictl", "version": "1.2.3"}
    assert doc["summary"] == {"files": 3, "errors": 3, "warnings": 3, "infos": 1, "hints": 2, "total": 9}
    by_code = {item["code"]: item for item in doc["diagnostics"]}
    assert by_code["OAS001"]["range"] == {"start": {"line": 1, "column": 1}, "end": {"line": 1, "column": 1}}
    assert by_code["OAS101"]["range"] == {"start": {"line": 7, "column": 5}, "end": {"line": 7, "column": 7}}
    assert by_code["OAS203"]["severity"] == "warn"
    assert by_code["BRK001"]["old"]["pointer"] == "/properties/tag"
    assert by_code["BRK001"]["category"] == "wire"
    assert "old" not in by_code["OAS101"] and "category" not in by_code["OAS101"]
    assert by_code["OAS120"]["message"].startswith("Example does not match schema:\nexpected <integer> &")


def test_non_ascii_is_kept_verbatim(ctx: ReportContext) -> None:
    d = Diagnostic("X1", "r", Severity.INFO, "naïve ✓", "é.yaml", "", Span(1, 1, 1, 1))
    out = render([d], ctx)
    assert "naïve ✓" in out and "é.yaml" in out


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (Span(3, 4, 3, 9), ((3, 4), (3, 9))),  # well-formed: as is
        (Span(3, 4, 5, 1), ((3, 4), (5, 1))),  # ends on a later line, before the start column
        (Span(3, 9, 3, 4), ((3, 9), (3, 9))),  # inverted on one line: repaired
        (Span(0, 0, 0, 0), ((1, 1), (1, 1))),  # 0-based slip: clamped to 1
        (Span(5, 2, 4, 8), ((5, 2), (5, 8))),  # ends before it starts
        (None, ((1, 1), (1, 1))),  # somewhere in the file
    ],
)
def test_ranges_are_well_formed(span: Span | None, expected: tuple[tuple[int, int], tuple[int, int]]) -> None:
    d = Diagnostic("X1", "x", Severity.WARN, "m", "a.yaml", "", span)
    ctx = ReportContext(tool_version="0", source=lambda _: None, rules={}, files_checked=["a.yaml"])
    r = json.loads(render([d], ctx))["diagnostics"][0]["range"]
    assert ((r["start"]["line"], r["start"]["column"]), (r["end"]["line"], r["end"]["column"])) == expected
