"""Snapshot every format (sample findings and no findings) against tests/golden/report/.

Regenerate with: APICTL_REGEN=1 PYTHONPATH=src python -m pytest tests/unit/report
"""

from __future__ import annotations

import importlib

import pytest
from tests.golden import assert_golden

from apictl.core.diagnostic import Diagnostic
from apictl.report import FORMATS, ReportContext, render

GOLDEN_NAMES = {
    "text": "{}.txt",
    "json": "{}.json",
    "sarif": "{}.sarif.json",
    "github": "{}.github.txt",
    "junit": "{}.junit.xml",
    "markdown": "{}.md",
    "changelog": "{}.changelog.txt",
}


def test_every_format_has_a_golden() -> None:
    assert set(GOLDEN_NAMES) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_sample_matches_golden(fmt: str, diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    assert_golden("report/" + GOLDEN_NAMES[fmt].format("sample"), render(fmt, diagnostics, ctx))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_empty_matches_golden(fmt: str, ctx: ReportContext) -> None:
    assert_golden("report/" + GOLDEN_NAMES[fmt].format("empty"), render(fmt, [], ctx))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_module_render_is_pure(fmt: str, diagnostics: list[Diagnostic], ctx: ReportContext) -> None:
    module = importlib.import_module(FORMATS[fmt])
    first = module.render(diagnostics, ctx)
    assert isinstance(first, str)
    assert module.render(diagnostics, ctx) == first  # deterministic, no hidden state


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_nothing_checked_nothing_found(fmt: str) -> None:
    out = render(fmt, [], ReportContext(tool_version="0"))
    assert isinstance(out, str)


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render("yaml", [], ReportContext(tool_version="0"))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_undecodable_text_still_writes_as_utf8(fmt: str, ctx: ReportContext) -> None:
    from apictl.core.diagnostic import Severity, Span

    bad = "caf\udce9"  # what surrogateescape makes of latin-1 bytes
    d = Diagnostic("X1", "r", Severity.ERROR, f"bad {bad}", f"{bad}.yaml", f"/{bad}", Span(1, 1, 1, 2))
    ctx.source = lambda uri: f"key: {bad}\n"
    ctx.files_checked = [d.uri]
    for color in (False, True):
        ctx.color = color
        render(fmt, [d], ctx).encode("utf-8")  # must not raise
