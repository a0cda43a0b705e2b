from __future__ import annotations

import xml.etree.ElementTree as ET

from apictl.core.diagnostic import Diagnostic, Severity, Span
from apictl.report import ReportContext
from apictl.report.junit import render, xml_safe


def _parse(out: str) -> ET.Element:
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def test_parses_and_counts(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    root = _parse(render(diagnostics, ctx))
    assert root.tag == "testsuites"
    assert root.attrib == {"name": "apictl lint", "tests": "10", "failures": "6", "errors": "0"}
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "api/clean.yaml",
        "api/petstore.yaml",
        "api/schemas/Pet Model.yaml",
        "https://example.com/specs/common.yaml",  # only reached through a $ref
    ]
    for suite in suites:
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(c.find("failure") is not None for c in cases))
        assert all(c.get("classname") == suite.get("name") for c in cases)
    assert sum(int(s.get("tests", "")) for s in suites) == int(root.get("tests", ""))


def test_clean_file_has_one_passing_case(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    clean = _parse(render(diagnostics, ctx)).find("testsuite[@name='api/clean.yaml']")
    assert clean is not None
    (case,) = clean.findall("testcase")
    assert case.get("name") == "no problems"
    assert list(case) == []


def test_finding_mapping(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    root = _parse(render(diagnostics, ctx))
    case = root.find(".//testcase[@name='OAS120 schema-example-valid at 5:14']")
    assert case is not None
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "OAS120"
    # newline, <&> and non-ASCII survive; the BEL control character (illegal in XML 1.0) is dropped
    assert failure.get("message") == "Example does not match schema:\nexpected <integer> & got 'x' at [1] — naïve café!"
    assert (failure.text or "").splitlines() == [
        "error: Example does not match schema:",
        "expected <integer> & got 'x' at [1] — naïve café!",
        "rule: schema-example-valid (OAS120)",
        "location: api/schemas/Pet Model.yaml:5:14",
        "pointer: /properties/id/example",
    ]
    info = root.find(".//testcase[@name='OAS301 parameter-example-string at 13:20']")
    assert info is not None
    assert info.find("failure") is None
    out = info.find("system-out")
    assert out is not None and (out.text or "").startswith("info: Query parameter example")
    breaking = root.find(".//testcase[@name='BRK001 response-property-removed at 2:1']/failure")
    assert breaking is not None
    assert "previously: old/api/schemas/Pet Model.yaml:8:3" in (breaking.text or "")


def test_illegal_xml_characters_are_stripped(ctx: ReportContext) -> None:
    nasty = "a\x00b\x08c\x0bd\x1fe\ufffef\udc80g\tok\n"
    d = Diagnostic("X\x01", "r\x02", Severity.WARN, nasty, "f\x03.yaml", "/p", Span(1, 1, 1, 1))
    ctx.files_checked = ["f\x03.yaml"]
    ctx.title = "t\x04"
    root = _parse(render([d], ctx))
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.get("message") == "abcdefg\tok\n"
    assert failure.get("type") == "X"
    assert root.get("name") == "t"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["f.yaml"]


def test_xml_safe_keeps_legal_text() -> None:
    text = "tab\tnl\ncr\r ascii <&>\"' é ✓ 😀 \ud7ff\ue000"
    assert xml_safe(text) == text


def test_empty(ctx: ReportContext) -> None:
    root = _parse(render([], ctx))
    assert root.get("tests") == "3" and root.get("failures") == "0"
    assert all(s.get("failures") == "0" for s in root.findall("testsuite"))
    nothing = _parse(render([], ReportContext(tool_version="0")))
    assert nothing.get("tests") == "0" and list(nothing) == []
