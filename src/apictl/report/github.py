"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=api.yaml,line=4,col=5,endLine=4,endColumn=7,title=operation-operationid (OAS101)::Operation ...

error -> `::error`, warn -> `::warning`, info/hint -> `::notice`. Values are
escaped as the runner expects (`%`, CR, LF everywhere; `:` and `,` too inside
properties). GitHub only supports columns on single-line annotations, so a
multi-line span is reported with `line`/`endLine` only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from apictl.core.diagnostic import Diagnostic, Severity
from apictl.report import ReportContext
from apictl.report._common import span_of

# Control characters other than TAB/CR/LF (which are escaped) would reach the log raw;
# lone surrogates could not be written out as UTF-8.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
COMMANDS = {Severity.ERROR: "error", Severity.WARN: "warning", Severity.INFO: "notice", Severity.HINT: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> str:  # noqa: ARG001 (uniform signature)
    return "".join(_command(d) + "\n" for d in diagnostics)


def _command(d: Diagnostic) -> str:
    s = span_of(d.span)
    props: list[tuple[str, object]] = [("file", d.uri.replace("\\", "/")), ("line", s.line)]
    if s.end_line == s.line:
        props += [("col", s.col), ("endLine", s.end_line), ("endColumn", s.end_col)]
    else:
        props += [("endLine", s.end_line)]
    props.append(("title", f"{d.rule} ({d.code})"))
    rendered = ",".join(f"{key}={escape_property(_clean(str(value)))}" for key, value in props)
    return f"::{COMMANDS[d.severity]} {rendered}::{escape_data(_clean(d.message))}"


def _clean(value: str) -> str:
    return _CONTROL.sub("\ufffd", value)
