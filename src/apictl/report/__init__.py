"""Renderers for lists of `Diagnostic`s: one small module per format.

Each module exposes `render(diagnostics, ctx) -> str`; modules are imported
lazily by name so that `apictl --help` never pays for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from apictl.core.diagnostic import Diagnostic

FORMATS: dict[str, str] = {
    "text": "apictl.report.text",
    "json": "apictl.report.json_format",
    "sarif": "apictl.report.sarif",
    "github": "apictl.report.github",
    "junit": "apictl.report.junit",
    "markdown": "apictl.report.markdown",
    "changelog": "apictl.report.changelog",
}


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a report needs to know about a rule (SARIF descriptors, help links)."""

    code: str
    name: str
    summary: str  # one line
    severity: str  # default severity label
    help_uri: str | None = None


@dataclass(slots=True)
class ReportContext:
    tool_version: str
    # uri -> full source text (for source lines/carets); None when unavailable
    source: Callable[[str], str | None] = lambda uri: None
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)  # keyed by code
    color: bool = False
    width: int = 100
    files_checked: Sequence[str] = ()  # every file linted (junit/text summaries)
    unreadable: int = 0  # inputs that could not be linted (their errors went to stderr)
    title: str = "apictl lint"


def render(fmt: str, diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> str:
    try:
        module = importlib.import_module(FORMATS[fmt])
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})") from None
    fn: Callable[[Sequence[Diagnostic], ReportContext], str] = module.render
    return fn(diagnostics, ctx)
