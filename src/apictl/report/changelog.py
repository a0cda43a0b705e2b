"""Plain-text changelog grouped by operation, for release notes.

GET /pets
  error  removed the required property `name` from the response with the `200` status  [BRK113]

2 changes: 1 error, 0 warnings, 1 info
"""

from __future__ import annotations

from collections.abc import Sequence

from apictl.core.diagnostic import Diagnostic
from apictl.report import ReportContext
from apictl.report._common import count, plural
from apictl.report._operations import by_operation, text_of, utf8_safe


def render(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> str:
    out: list[str] = []
    for op, group in by_operation(diagnostics).items():
        out.append(op or "(document)")
        width = max(len(d.severity.label) for d in group)
        for d in group:
            message = " ".join(text_of(d).split())
            out.append(f"  {d.severity.label.ljust(width)}  {message}  [{d.code}]")
        out.append("")
    c = count(diagnostics)
    out.append(
        f"{plural(c.total, 'change')}: {plural(c.errors, 'error')}, {plural(c.warnings, 'warning')}, "
        f"{plural(c.infos + c.hints, 'info')}"
        if c.total
        else "No changes."
    )
    return utf8_safe("\n".join(out) + "\n")
