"""Markdown report: a changelog / pull-request comment grouped by operation.

## API changes: 1 breaking change, 1 warning, 2 other changes

### `GET /pets`
- **breaking** removed the required property `name` from the response with the `200` status
  ([BRK113](…) · `api/openapi.yaml:40:13`, was `old.yaml:38:13`)
"""

from __future__ import annotations

from collections.abc import Sequence

from apictl.core.diagnostic import Diagnostic, Severity
from apictl.report import ReportContext
from apictl.report._common import count, plural, span_of
from apictl.report._operations import by_operation, text_of, utf8_safe

LABEL = {Severity.ERROR: "**breaking**", Severity.WARN: "**warning**", Severity.INFO: "info", Severity.HINT: "hint"}


def render(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> str:
    c = count(diagnostics)
    if c.total == 0:
        return f"## {ctx.title}: no changes\n"
    head = (
        f"## API changes: {plural(c.errors, 'breaking change')}, {plural(c.warnings, 'warning')}, "
        f"{plural(c.infos + c.hints, 'other change')}\n"
    )
    out = [head]
    for op, group in by_operation(diagnostics).items():
        out.append(f"\n### `{_md(op) or 'document'}`\n\n")
        for d in group:
            info = ctx.rules.get(d.code)
            code = f"[{d.code}]({info.help_uri})" if info is not None and info.help_uri else d.code
            where = f"`{_loc(d.uri, d.span)}`"
            if d.old_uri is not None:
                where += f", was `{_loc(d.old_uri, d.old_span)}`"
            out.append(f"- {LABEL[d.severity]} {_md(text_of(d))}\n  ({code} · {where})\n")
    return utf8_safe("".join(out))


def _loc(uri: str, span: object) -> str:
    s = span_of(span)  # type: ignore[arg-type]
    return f"{uri}:{s.line}:{s.col}"


def _md(text: str) -> str:
    """Keep a message on its line and out of HTML: newlines become spaces, `<` is escaped."""
    return " ".join(text.split()).replace("<", "&lt;")
