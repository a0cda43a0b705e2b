from __future__ import annotations

import pytest

from apictl.core.diagnostic import Diagnostic, Severity, Span
from apictl.report import ReportContext
from apictl.report.github import escape_data, escape_property, render


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("plain text", "plain text", "plain text"),
        ("100%", "100%25", "100%25"),
        ("%0A is not a newline", "%250A is not a newline", "%250A is not a newline"),
        ("a\nb\r\nc\rd", "a%0Ab%0D%0Ac%0Dd", "a%0Ab%0D%0Ac%0Dd"),
        ("key: a, b", "key: a, b", "key%3A a%2C b"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
        ("naïve [x] <&>", "naïve [x] <&>", "naïve [x] <&>"),
    ],
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


SPAN = Span(3, 5, 3, 9)


def _d(severity: Severity = Severity.ERROR, span: Span | None = SPAN, **kw: object) -> Diagnostic:
    fields: dict[str, object] = {
        "code": "OAS101",
        "rule": "operation-operationid",
        "severity": severity,
        "message": "Missing operationId.",
        "uri": "api/openapi.yaml",
        "span": span,
    }
    fields.update(kw)
    return Diagnostic(**fields)  # type: ignore[arg-type]


def test_command_shape(ctx: ReportContext) -> None:
    assert render([_d()], ctx) == (
        "::error file=api/openapi.yaml,line=3,col=5,endLine=3,endColumn=9,"
        "title=operation-operationid (OAS101)::Missing operationId.\n"
    )


@pytest.mark.parametrize(
    ("severity", "command"),
    [(Severity.ERROR, "error"), (Severity.WARN, "warning"), (Severity.INFO, "notice"), (Severity.HINT, "notice")],
)
def test_severity_commands(ctx: ReportContext, severity: Severity, command: str) -> None:
    assert render([_d(severity)], ctx).startswith(f"::{command} file=")


def test_multiline_span_has_no_columns(ctx: ReportContext) -> None:
    out = render([_d(span=Span(3, 5, 8, 2))], ctx)
    assert out.startswith("::error file=api/openapi.yaml,line=3,endLine=8,title=")


def test_none_span_is_1_1(ctx: ReportContext) -> None:
    assert "line=1,col=1,endLine=1,endColumn=1," in render([_d(span=None)], ctx)


def test_properties_and_message_escaped(ctx: ReportContext) -> None:
    d = _d(uri="C:\\specs\\a,b.yaml", rule="r:1", code="X,1", message="50% off:\nline two, ok\r\n::warning::injected")
    out = render([d], ctx)
    assert out == (
        "::error file=C%3A/specs/a%2Cb.yaml,line=3,col=5,endLine=3,endColumn=9,title=r%3A1 (X%2C1)"
        "::50%25 off:%0Aline two, ok%0D%0A::warning::injected\n"
    )


def test_one_line_per_finding_even_with_hostile_text(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    out = render(diagnostics, ctx)
    lines = out.split("\n")
    assert lines[-1] == ""
    assert len(lines) - 1 == len(diagnostics)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])
    assert "\r" not in out and "\x07" not in out


def test_empty(ctx: ReportContext) -> None:
    assert render([], ctx) == ""
