from __future__ import annotations

import re

import pytest

from apictl.core.diagnostic import Diagnostic, Severity, Span
from apictl.report import ReportContext
from apictl.report.text import render

ANSI = re.compile(r"\x1b\[[0-9;]*m")


SPAN = Span(1, 1, 1, 1)


def _diag(message: str = "msg", span: Span | None = SPAN, **kw: object) -> Diagnostic:
    fields: dict[str, object] = {
        "code": "OAS001",
        "rule": "some-rule",
        "severity": Severity.WARN,
        "message": message,
        "uri": "a.yaml",
        "span": span,
    }
    fields.update(kw)
    return Diagnostic(**fields)  # type: ignore[arg-type]


def test_color_true_has_ansi(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    ctx.color = True
    out = render(diagnostics, ctx)
    assert ANSI.search(out)
    assert "\x1b[1;31merror\x1b[0m" in out  # errors are bold red


def test_color_false_has_no_escape_codes(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    out = render(diagnostics, ctx)
    assert "\x1b" not in out


def test_color_does_not_change_the_text(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    plain = render(diagnostics, ctx)
    ctx.color = True
    assert ANSI.sub("", render(diagnostics, ctx)) == plain


def test_environment_cannot_force_colour(
    diagnostics: list[Diagnostic], ctx: ReportContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "20")
    assert "\x1b" not in render(diagnostics, ctx)


def test_markup_is_never_interpreted(ctx: ReportContext) -> None:
    message = "Tag [pets] [bold red]x[/] [/] [link=http://e]y[/link] :smile:"
    for color in (False, True):
        ctx.color = color
        out = ANSI.sub("", render([_diag(message)], ctx))
        assert message in out


def test_control_characters_are_neutralised(ctx: ReportContext) -> None:
    ctx.color = True
    out = render([_diag("evil \x1b[2J\x07 done", uri="x\x1b]8;;y.yaml")], ctx)
    assert "\x1b[2J" not in out
    assert "\x07" not in out
    assert "\x1b]8" not in out
    assert "evil \ufffd[2J\ufffd done" in ANSI.sub("", out)


def test_line_layout(ctx: ReportContext) -> None:
    ctx.source = lambda uri: "openapi: 3.1.0\ninfo: {}\n"
    out = render([_diag("Info has no title.", span=Span(2, 7, 2, 8))], ctx)
    assert out.splitlines() == [
        "a.yaml",
        "  2:7  warn   Info has no title.  some-rule (OAS001)",
        "    2 | info: {}",
        "      |       ^~",
        "",
        "✖ 1 problem (0 errors, 1 warning, 0 infos, 0 hints)",
    ]


def test_tabs_are_expanded_so_carets_line_up(ctx: ReportContext) -> None:
    ctx.source = lambda uri: "a:\tb\t[x]\n"
    out = render([_diag(span=Span(1, 6, 1, 8))], ctx)
    code, caret = out.splitlines()[2:4]
    assert "\t" not in code
    start = code.index("[x]")
    assert caret.index("^") == start
    assert caret.rstrip().endswith("^~~")
    assert len(caret.rstrip()) == start + 3


def test_wide_characters_keep_carets_aligned(ctx: ReportContext) -> None:
    from rich.cells import cell_len

    ctx.source = lambda uri: "title: 日本語 [x]\n"
    out = render([_diag(span=Span(1, 12, 1, 14))], ctx)
    code, caret = out.splitlines()[2:4]
    assert cell_len(code[: code.index("[x]")]) == caret.index("^")


def test_multiline_span_underlines_rest_of_first_line(ctx: ReportContext) -> None:
    ctx.source = lambda uri: "paths:\n  /pets:\n    get: {}\n"
    out = render([_diag(span=Span(2, 3, 3, 12))], ctx)
    assert out.splitlines()[3].endswith("|   ^~~~~~")


def test_long_line_is_windowed_around_the_span(ctx: ReportContext) -> None:
    line = "x" * 300 + "NEEDLE" + "y" * 300
    ctx.source = lambda uri: line + "\n"
    ctx.width = 80
    out = render([_diag(span=Span(1, 301, 1, 306))], ctx)
    code, caret = out.splitlines()[2:4]
    assert len(code) <= 80
    assert code.count("…") == 2
    assert caret.index("^") == code.index("NEEDLE")
    assert caret.rstrip().endswith("^~~~~~")


def test_span_past_end_of_line_and_missing_line(ctx: ReportContext) -> None:
    ctx.source = lambda uri: "ab\n"
    out = render([_diag(span=Span(1, 9, 1, 12)), _diag(span=Span(7, 1, 7, 2))], ctx)
    lines = out.splitlines()
    assert lines[3].endswith("|   ^")  # caret just after "ab"
    assert lines[4].startswith("  7:1")  # no source line 7: no snippet


def test_none_span_reads_as_1_1_without_snippet(ctx: ReportContext) -> None:
    ctx.source = lambda uri: "openapi: 3.1.0\n"
    out = render([_diag(span=None)], ctx)
    assert out.splitlines()[1].startswith("  1:1  warn")
    assert "|" not in out


def test_multiline_message_is_indented(ctx: ReportContext) -> None:
    out = render([_diag("first\nsecond\r\nthird")], ctx)
    lines = out.splitlines()
    assert lines[1].endswith("first")
    assert lines[2].strip() == "second"
    assert lines[3].strip() == "third  some-rule (OAS001)"
    assert lines[2].index("second") == lines[1].index("first")


def test_grouped_by_file_in_order(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    out = render(diagnostics, ctx)
    headers = [line for line in out.splitlines() if line and not line.startswith(" ") and "problem" not in line]
    assert headers == ["api/petstore.yaml", "api/schemas/Pet Model.yaml", "https://example.com/specs/common.yaml"]


def test_summary_counts(diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    last = render(diagnostics, ctx).splitlines()[-1]
    assert last == "✖ 9 problems (3 errors, 3 warnings, 1 info, 2 hints)"


def test_no_problems(ctx: ReportContext) -> None:
    assert render([], ctx) == "No problems found in 3 files.\n"
    ctx.files_checked = ["one.yaml"]
    assert render([], ctx) == "No problems found in 1 file.\n"


def test_source_errors_are_tolerated(ctx: ReportContext) -> None:
    def broken(uri: str) -> str | None:
        raise FileNotFoundError(uri)

    ctx.source = broken
    assert "msg" in render([_diag()], ctx)
