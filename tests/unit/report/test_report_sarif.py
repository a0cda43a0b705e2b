from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from apictl.core.diagnostic import Diagnostic, Severity, Span
from apictl.report import ReportContext
from apictl.report.sarif import artifact_location, render

# Official OASIS SARIF 2.1.0 schema (errata01), vendored from oasis-tcs/sarif-spec
# Schemata/sarif-schema-2.1.0.json.
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "report" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def _errors(validator: Draft7Validator, doc: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def _run(out: str) -> dict[str, Any]:
    doc = json.loads(out)
    assert len(doc["runs"]) == 1
    run: dict[str, Any] = doc["runs"][0]
    return run


def test_validates_against_official_schema(
    validator: Draft7Validator, diagnostics: list[Diagnostic], ctx: ReportContext
) -> None:
    assert _errors(validator, json.loads(render(diagnostics, ctx))) == []


def test_empty_validates(validator: Draft7Validator, ctx: ReportContext) -> None:
    doc = json.loads(render([], ctx))
    assert _errors(validator, doc) == []
    assert doc["runs"][0]["results"] == []
    assert doc["runs"][0]["tool"]["driver"]["rules"] == []


def test_format_checker_is_active() -> None:
    pytest.importorskip("rfc3986_validator")
    checker = Draft7Validator.FORMAT_CHECKER
    assert not checker.conforms("api/a b.yaml", "uri-reference")
    assert checker.conforms("api/a%20b.yaml", "uri-reference")


def test_header(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    doc = json.loads(render(diagnostics, ctx))
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert doc["version"] == "2.1.0"
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["name"] == "apictl"
    assert driver["version"] == "1.2.3"
    assert driver["informationUri"] == "https://github.com/apictl/apictl"


def test_rules_cover_used_codes_and_indices_match(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    run = _run(render(diagnostics, ctx))
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({d.code for d in diagnostics})
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    by_id = {r["id"]: r for r in rules}
    assert by_id["OAS101"] == {
        "id": "OAS101",
        "name": "operation-operationid",
        "shortDescription": {"text": "Operations must have an operationId."},
        "defaultConfiguration": {"level": "error"},
        "helpUri": "https://apictl.dev/rules/operation-operationid",
    }
    assert by_id["OAS130"]["defaultConfiguration"] == {"level": "warning"}  # "warning" spelling accepted
    assert by_id["OAS001"]["defaultConfiguration"] == {"level": "note"}
    assert by_id["BRK001"] == {  # not in ctx.rules
        "id": "BRK001",
        "name": "response-property-removed",
        "shortDescription": {"text": "response-property-removed"},
    }
    assert "OAS999" not in by_id


def test_levels(ctx: ReportContext) -> None:
    ds = [Diagnostic(f"X{s.value}", "r", s, "m", "a.yaml", "", Span(1, 1, 1, 1)) for s in Severity]
    levels = {r["ruleId"]: r["level"] for r in _run(render(ds, ctx))["results"]}
    assert levels == {"X0": "note", "X1": "note", "X2": "warning", "X3": "error"}


def test_result_location(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    results = {r["ruleId"]: r for r in _run(render(diagnostics, ctx))["results"]}
    loc = results["OAS120"]["locations"][0]
    assert loc["physicalLocation"] == {
        "artifactLocation": {"uri": "api/schemas/Pet%20Model.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 5, "startColumn": 14, "endLine": 5, "endColumn": 22},  # endColumn exclusive
    }
    assert loc["logicalLocations"] == [{"fullyQualifiedName": "/properties/id/example"}]
    assert results["OAS120"]["message"]["text"].startswith("Example does not match schema:\n")
    none_span = results["OAS001"]["locations"][0]["physicalLocation"]["region"]
    assert none_span == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2}
    remote = results["OAS400"]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert remote == {"uri": "https://example.com/specs/common.yaml"}
    breaking = results["BRK001"]
    assert breaking["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "old/api/schemas/Pet%20Model.yaml"
    )
    assert breaking["properties"] == {"category": "wire"}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("api/openapi.yaml", {"uri": "api/openapi.yaml", "uriBaseId": "%SRCROOT%"}),
        ("./api/openapi.yaml", {"uri": "api/openapi.yaml", "uriBaseId": "%SRCROOT%"}),
        ("api\\v1\\openapi.yaml", {"uri": "api/v1/openapi.yaml", "uriBaseId": "%SRCROOT%"}),
        ("../shared/x.yaml", {"uri": "../shared/x.yaml", "uriBaseId": "%SRCROOT%"}),
        ("a b/100%#?.yaml", {"uri": "a%20b/100%25%23%3F.yaml", "uriBaseId": "%SRCROOT%"}),
        ("v1:api.yaml", {"uri": "v1%3Aapi.yaml", "uriBaseId": "%SRCROOT%"}),  # not a scheme
        ("spécs/ü.yaml", {"uri": "sp%C3%A9cs/%C3%BC.yaml", "uriBaseId": "%SRCROOT%"}),
        ("/home/me/api.yaml", {"uri": "file:///home/me/api.yaml"}),
        ("C:\\work\\my api.yaml", {"uri": "file:///C:/work/my%20api.yaml"}),
        ("https://example.com/a b.yaml", {"uri": "https://example.com/a%20b.yaml"}),
    ],
)
def test_artifact_location(path: str, expected: dict[str, str]) -> None:
    assert artifact_location(path) == expected


def test_artifact_uris_are_valid_uri_references() -> None:
    rfc3986 = pytest.importorskip("rfc3986_validator")
    for path in ["a b/[x]{y}<z>|^`.yaml", "100%.yaml", "x:y/z.yaml", "ü/ä.json", "C:\\a b\\c.yaml", "/a b"]:
        assert rfc3986.validate_rfc3986(artifact_location(path)["uri"], rule="URI_reference"), path


def test_fingerprints_stable_and_unique(ctx: ReportContext) -> None:
    def diag(line: int, message: str, pointer: str = "/paths/~1a/get") -> Diagnostic:
        return Diagnostic("OAS101", "r", Severity.ERROR, message, "a.yaml", pointer, Span(line, 1, line, 2))

    first = _run(render([diag(3, "m1"), diag(3, "m2"), diag(9, "m3", "/x")], ctx))["results"]
    moved = _run(render([diag(40, "m1")], ctx))["results"]
    prints = [r["partialFingerprints"]["apictlFingerprint/v1"] for r in first]
    assert len(set(prints)) == 3
    assert prints[0].endswith(":1") and prints[1].endswith(":2")
    assert prints[0].split(":")[0] == prints[1].split(":")[0]
    # line-independent: the same finding on another line keeps its fingerprint
    assert moved[0]["partialFingerprints"] == first[0]["partialFingerprints"]
    # path spelling does not matter
    dotted = Diagnostic("OAS101", "r", Severity.ERROR, "m1", ".\\a.yaml", "/paths/~1a/get", Span(3, 1, 3, 2))
    assert _run(render([dotted], ctx))["results"][0]["partialFingerprints"] == first[0]["partialFingerprints"]
