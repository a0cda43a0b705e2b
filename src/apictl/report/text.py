"""Human-readable report, grouped by file, with the offending source line.

    api/petstore.yaml
      4:5   error  Operation is missing an operationId.  operation-operationid (OAS101)
          4 |     get:
            |     ^~~

    ✖ 1 problem (1 error, 0 warnings, 0 infos, 0 hints)

Colour (via rich) only when `ctx.color`; otherwise plain text without any escape
codes. Messages and source lines are added as rich `Text`, never as markup, so
`[brackets]` are printed literally; control characters are neutralised so that
a document cannot inject terminal escape sequences.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from apictl.core.diagnostic import Diagnostic, Severity
from apictl.report import ReportContext
from apictl.report._common import count, group_by_file, plural, span_of

if TYPE_CHECKING:
    from rich.text import Text

TAB_SIZE = 4
SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARN: "yellow",
    Severity.INFO: "blue",
    Severity.HINT: "dim",
}
SEV_WIDTH = max(len(s.label) for s in Severity)
MIN_SOURCE_WIDTH = 20
ELLIPSIS = "…"

# C0 controls except TAB/LF, DEL, C1 controls and bidi overrides ("trojan source").
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def _safe(text: str) -> str:
    """Replace characters that could drive the terminal, one for one (keeps columns)."""
    return _UNSAFE.sub("\ufffd", text)


def render(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> str:
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out,
        width=ctx.width,
        force_terminal=ctx.color,
        force_jupyter=False,
        force_interactive=False,
        color_system="standard" if ctx.color else None,
        no_color=not ctx.color,
        legacy_windows=False,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=True,
    )
    lines: list[Text] = []
    sources = _SourceCache(ctx.source)
    for uri, group in group_by_file(diagnostics).items():
        lines.append(Text(_safe(uri), style="bold underline"))
        loc_width = max(len(_loc(d)) for d in group)
        for d in group:
            lines.extend(_finding(d, loc_width, sources.line_getter(uri), ctx.width))
        lines.append(Text(""))
    lines.append(_summary(diagnostics, ctx))
    for line in lines:
        console.print(line)
    return out.getvalue()


def _loc(d: Diagnostic) -> str:
    span = span_of(d.span)
    return f"{span.line}:{span.col}"


def _finding(d: Diagnostic, loc_width: int, get_line: Callable[[int], str | None], width: int) -> list[Text]:
    from rich.text import Text

    style = SEVERITY_STYLE[d.severity]
    message_lines = [_safe(part) for part in _NEWLINE.split(d.message.strip("\r\n"))]
    head = Text("  ")
    head.append(_loc(d).ljust(loc_width), style="dim")
    head.append("  ")
    head.append(d.severity.label.ljust(SEV_WIDTH), style=style)
    head.append("  ")
    head.append(message_lines[0])
    result = [head]
    indent = " " * (2 + loc_width + 2 + SEV_WIDTH + 2)
    for extra in message_lines[1:]:
        result.append(Text(indent + extra))
    result[-1].append("  ")
    result[-1].append(f"{_safe(d.rule)} ({_safe(d.code)})", style="dim")

    if d.span is not None:
        source = get_line(d.span.line)
        if source is not None:
            result.extend(_snippet(d, source, loc_width, width, style))
    if d.old_uri is not None:
        old = span_of(d.old_span)
        result.append(
            Text(f"{' ' * (2 + loc_width)}  previously at {_safe(d.old_uri)}:{old.line}:{old.col}", style="dim")
        )
    return result


def _snippet(d: Diagnostic, source: str, loc_width: int, width: int, style: str) -> list[Text]:
    from rich.cells import cell_len
    from rich.text import Text

    span = span_of(d.span)
    raw = _safe(source)
    text = raw.expandtabs(TAB_SIZE)
    start = len(raw[: span.col - 1].expandtabs(TAB_SIZE))
    # only the first line of a multi-line span is underlined
    end = len(raw[: span.end_col].expandtabs(TAB_SIZE)) if span.end_line == span.line else len(text)
    end = max(end, start + 1)

    number = str(span.line)
    gutter_width = max(loc_width, len(number))
    available = max(MIN_SOURCE_WIDTH, width - (2 + gutter_width + 3))
    cells = [cell_len(ch) for ch in text]
    lo, hi = _window(cells, start, available)
    shown = text[lo:hi]
    left = ELLIPSIS if lo > 0 else ""
    right = ELLIPSIS if hi < len(text) else ""
    caret_at = len(left) + sum(cells[lo:start])
    caret_len = max(1, sum(cells[start : min(end, hi)]))

    code_line = Text("  ")
    code_line.append(f"{number.rjust(gutter_width)} |", style="dim")
    code_line.append(" " + left + shown + right)
    caret_line = Text("  ")
    caret_line.append(f"{' ' * gutter_width} |", style="dim")
    caret_line.append(" " * (1 + caret_at))
    caret_line.append("^" + "~" * (caret_len - 1), style=style)
    return [code_line, caret_line]


def _window(cells: list[int], start: int, available: int) -> tuple[int, int]:
    """Slice [lo, hi) of a long line to show, keeping `start` visible with a little
    context before it; ellipses (one cell each) mark what was cut."""
    if sum(cells) <= available:
        return 0, len(cells)
    budget = available - 2
    lo = min(start, len(cells))
    context = min(budget // 4, 16)
    used = 0
    while lo > 0 and used + cells[lo - 1] <= context:
        lo -= 1
        used += cells[lo]
    hi = lo
    used = 0
    while hi < len(cells) and used + cells[hi] <= budget:
        used += cells[hi]
        hi += 1
    while lo > 0 and hi == len(cells) and used + cells[lo - 1] <= budget:
        lo -= 1
        used += cells[lo]
    return lo, hi


def _summary(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> Text:
    from rich.text import Text

    c = count(diagnostics)
    if c.total == 0:
        return Text(f"No problems found in {plural(len(ctx.files_checked), 'file')}.", style="bold green")
    style = "bold red" if c.errors else "bold yellow" if c.warnings else "bold"
    detail = ", ".join(
        [plural(c.errors, "error"), plural(c.warnings, "warning"), plural(c.infos, "info"), plural(c.hints, "hint")]
    )
    return Text(f"✖ {plural(c.total, 'problem')} ({detail})", style=style)


class _SourceCache:
    """Splits each file's text into lines once (YAML/JSON line breaks only)."""

    def __init__(self, source: Callable[[str], str | None]) -> None:
        self._source = source
        self._lines: dict[str, list[str] | None] = {}

    def line_getter(self, uri: str) -> Callable[[int], str | None]:
        if uri not in self._lines:
            try:
                text = self._source(uri)
            except OSError:
                text = None
            self._lines[uri] = None if text is None else _NEWLINE.split(text)
        lines = self._lines[uri]

        def get(line: int) -> str | None:
            if lines is None or not 1 <= line <= len(lines):
                return None
            return lines[line - 1]

        return get
