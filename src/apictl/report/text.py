"""Human-readable report, grouped by file, with the offending source line.

    api/petstore.yaml
      4:5  error  Operation is missing an operationId.  operation-operationid (OAS101)
        4 |     get:
          |     ^~~

    ✖ 1 problem (1 error, 0 warnings, 0 infos, 0 hints)

Colour (via rich) only when `ctx.color`; otherwise plain text without any escape
codes, assembled directly (it is exactly what rich would print without colour).
Lines are built as (text, style) segments and handed to rich as segments, never
as markup, so `[brackets]` are printed literally; control characters are
neutralised so that a document cannot inject terminal escape sequences.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence

from apictl.core.diagnostic import Diagnostic, Severity
from apictl.report import ReportContext
from apictl.report._common import count, group_by_file, plural, span_of

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

# C0 controls except TAB/LF, DEL, C1 controls, bidi overrides ("trojan source") and
# lone surrogates (undecodable input, which could not be written out as UTF-8).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NEWLINE = re.compile(r"\r\n|\r|\n")


Segment = tuple[str, str]  # (text, rich style; "" for none)
Line = list[Segment]


def render(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> str:
    lines: list[Line] = []
    sources = _SourceCache(ctx.source)
    for uri, group in group_by_file(diagnostics).items():
        lines.append([(_safe(uri), "bold underline")])
        loc_width = max(len(_loc(d)) for d in group)
        for d in group:
            lines.extend(_finding(d, loc_width, sources.line_getter(uri), ctx.width))
        lines.append([])
    lines.append(_summary(diagnostics, ctx))
    if not ctx.color:  # what rich would print without colour, minus its cost per segment
        return "".join("".join(text for text, _ in line) + "\n" for line in lines)
    return _render_rich(lines, ctx.width)


def _render_rich(lines: list[Line], width: int) -> str:
    from rich.console import Console
    from rich.segment import Segment, Segments
    from rich.style import Style

    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=True,
        force_jupyter=False,
        force_interactive=False,
        color_system="standard",
        no_color=False,
        legacy_windows=False,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=True,
    )
    # Pre-styled segments: nothing is parsed as markup, and rich only has to emit
    # the ANSI codes (several times faster than building `Text` objects).
    styles: dict[str, Style] = {}
    segments: list[Segment] = []
    for line in lines:
        for text, name in line:
            style = styles.get(name)
            if style is None:
                style = styles[name] = Style.parse(name) if name else Style.null()
            segments.append(Segment(text, style))
        segments.append(Segment.line())
    console.print(Segments(segments), end="")
    return out.getvalue()


def _safe(text: str) -> str:
    """Replace characters that could drive the terminal, one for one (keeps columns)."""
    return _UNSAFE.sub("\ufffd", text)


def _loc(d: Diagnostic) -> str:
    span = span_of(d.span)
    return f"{span.line}:{span.col}"


def _finding(d: Diagnostic, loc_width: int, get_line: Callable[[int], str | None], width: int) -> list[Line]:
    style = SEVERITY_STYLE[d.severity]
    messages = [_safe(part).replace("\t", " ") for part in _NEWLINE.split(d.message.strip("\r\n"))]
    result: list[Line] = [
        [("  ", ""), (_loc(d).ljust(loc_width), "dim"), ("  ", "")]
        + [(d.severity.label.ljust(SEV_WIDTH), style), ("  ", ""), (messages[0], "")]
    ]
    indent = " " * (2 + loc_width + 2 + SEV_WIDTH + 2)
    result.extend([(indent + extra, "")] for extra in messages[1:])
    result[-1] += [("  ", ""), (f"{_safe(d.rule)} ({_safe(d.code)})", "dim")]

    if d.span is not None:
        source = get_line(d.span.line)
        if source is not None:
            result.extend(_snippet(d, source, loc_width, width, style))
    if d.old_uri is not None:
        old = span_of(d.old_span)
        where = f"{_safe(d.old_uri)}:{old.line}:{old.col}"
        result.append([(f"{' ' * (2 + loc_width)}  previously at {where}", "dim")])
    return result


def _snippet(d: Diagnostic, source: str, loc_width: int, width: int, style: str) -> list[Line]:
    span = span_of(d.span)
    col0 = span.col - 1
    # only the first line of a multi-line span is underlined
    end_col = span.end_col if span.end_line == span.line else len(source)
    cut_lo, cut_hi = 0, len(source)
    if len(source) > 4 * width:  # e.g. minified JSON: only look near the span
        cut_lo, cut_hi = max(0, col0 - 2 * width), min(len(source), col0 + 4 * width)
    raw = _safe(source[cut_lo:cut_hi])
    text = raw.expandtabs(TAB_SIZE)
    start = min(len(raw[: col0 - cut_lo].expandtabs(TAB_SIZE)), len(text))
    end = max(len(raw[: max(0, end_col - cut_lo)].expandtabs(TAB_SIZE)), start + 1)

    number = str(span.line)
    gutter_width = max(loc_width, len(number))
    available = max(MIN_SOURCE_WIDTH, width - (2 + gutter_width + 3))
    cells = _Cells(text)
    lo, hi = _window(cells, start, available, cut_lo > 0 or cut_hi < len(source))
    left = ELLIPSIS if lo > 0 or cut_lo > 0 else ""
    right = ELLIPSIS if hi < len(text) or cut_hi < len(source) else ""
    caret_at = len(left) + cells.width(lo, start)
    caret_len = max(1, cells.width(start, min(end, hi)))
    return [
        [("  ", ""), (f"{number.rjust(gutter_width)} |", "dim"), (" " + left + text[lo:hi] + right, "")],
        [("  ", ""), (f"{' ' * gutter_width} |", "dim"), (" " * (1 + caret_at), "")]
        + [("^" + "~" * (caret_len - 1), style)],
    ]


class _Cells:
    """Terminal cells taken by the characters of one line (wide CJK/emoji take 2)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ascii = text.isascii()

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, i: int) -> int:
        if self.ascii:
            return 1
        from rich.cells import cell_len

        return cell_len(self.text[i])

    def width(self, lo: int, hi: int) -> int:
        if self.ascii:
            return max(0, hi - lo)
        from rich.cells import cell_len

        return cell_len(self.text[lo:hi])

    def fits(self, available: int) -> bool:
        # a line longer than twice the room never fits; avoids measuring huge minified lines
        return len(self.text) <= 2 * available and self.width(0, len(self.text)) <= available


def _window(cells: _Cells, start: int, available: int, cut: bool) -> tuple[int, int]:
    """Slice [lo, hi) of a long line to show, keeping `start` visible with a little
    context before it; ellipses (one cell each) mark what was cut."""
    if not cut and cells.fits(available):
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


def _summary(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> Line:
    c = count(diagnostics)
    failed = f"{plural(ctx.unreadable, 'file')} could not be linted" if ctx.unreadable else ""
    if c.total == 0:
        if failed:  # never "No problems found" when some input was not looked at
            rest = f"; no problems in {plural(len(ctx.files_checked), 'other file')}" if ctx.files_checked else ""
            return [(f"✖ {failed}{rest}.", "bold red")]
        return [(f"No problems found in {plural(len(ctx.files_checked), 'file')}.", "bold green")]
    style = "bold red" if c.errors or failed else "bold yellow" if c.warnings else "bold"
    detail = ", ".join(
        [plural(c.errors, "error"), plural(c.warnings, "warning"), plural(c.infos, "info"), plural(c.hints, "hint")]
    )
    return [(f"✖ {plural(c.total, 'problem')} ({detail})" + (f"; {failed}" if failed else ""), style)]


class _SourceCache:
    """Splits each file's text into lines once (YAML/JSON line breaks only)."""

    def __init__(self, source: Callable[[str], str | None]) -> None:
        self._source = source
        self._lines: dict[str, list[str] | None] = {}

    def line_getter(self, uri: str) -> Callable[[int], str | None]:
        if uri not in self._lines:
            try:
                text = self._source(uri)
            except (OSError, ValueError):  # unreadable or undecodable: no excerpt
                text = None
            self._lines[uri] = None if text is None else _NEWLINE.split(text)
        lines = self._lines[uri]

        def get(line: int) -> str | None:
            if lines is None or not 1 <= line <= len(lines):
                return None
            return lines[line - 1]

        return get
