"""Machine-readable report with a stable, versioned schema.

The shape is described field by field in docs/formats.md and formally in
docs/schemas/lint-report.schema.json. Bump `VERSION` for any change that is not
purely additive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from apictl.core.diagnostic import Diagnostic, Span
from apictl.report import ReportContext
from apictl.report._common import count, dump_json, span_of

VERSION = 1


def render(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> str:
    c = count(diagnostics)
    doc: dict[str, Any] = {
        "version": VERSION,
        "tool": {"name": "apictl", "version": ctx.tool_version},
        "summary": {
            "files": len(ctx.files_checked),
            "errors": c.errors,
            "warnings": c.warnings,
            "infos": c.infos,
            "hints": c.hints,
            "total": c.total,
        },
        "diagnostics": [_diagnostic(d) for d in diagnostics],
    }
    return dump_json(doc)


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    item: dict[str, Any] = {
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity.label,
        "message": d.message,
        "file": d.uri,
        "pointer": d.pointer,
        "range": _range(d.span),
    }
    if d.old_uri is not None:
        item["old"] = {"file": d.old_uri, "pointer": d.old_pointer or "", "range": _range(d.old_span)}
    if d.category is not None:
        item["category"] = d.category
    # diff findings: "GET /pets", the equivalent oasdiff check; pact findings: the interaction
    for key in ("operation", "oasdiff", "interaction"):
        value = d.extra.get(key)
        if isinstance(value, str) and value:
            item[key] = value
    spec = d.extra.get("spec")  # pact findings: where the OpenAPI description says otherwise
    if isinstance(spec, dict):
        item["spec"] = spec
    return item


def _range(span: Span | None) -> dict[str, dict[str, int]]:
    if span is not None:  # the usual, well-formed span: no repaired copy (90k findings: ~0.3 s)
        line, col, end_line, end_col = span.line, span.col, span.end_line, span.end_col
        if line >= 1 and col >= 1 and end_col >= 1 and (end_line > line or (end_line == line and end_col >= col)):
            return {"start": {"line": line, "column": col}, "end": {"line": end_line, "column": end_col}}
    s = span_of(span)
    return {"start": {"line": s.line, "column": s.col}, "end": {"line": s.end_line, "column": s.end_col}}
