"""Small helpers shared by the report formats (no heavy imports here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from apictl.core.diagnostic import Diagnostic, Severity, Span

NO_SPAN = Span(1, 1, 1, 1)


def span_of(span: Span | None) -> Span:
    """The span to report: `None` means "somewhere in the file" and reads as 1:1.

    Also repairs inverted spans so that every format can rely on
    `(line, col) <= (end_line, end_col)` and on 1-based positive numbers.
    """
    if span is None:
        return NO_SPAN
    line = max(1, span.line)
    col = max(1, span.col)
    end_line = max(line, span.end_line)
    end_col = max(1, span.end_col)
    if end_line == line and end_col < col:
        end_col = col
    return Span(line, col, end_line, end_col)


@dataclass(frozen=True, slots=True)
class Counts:
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    hints: int = 0

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos + self.hints


def count(diagnostics: Iterable[Diagnostic]) -> Counts:
    tally = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        tally[d.severity] += 1
    return Counts(tally[Severity.ERROR], tally[Severity.WARN], tally[Severity.INFO], tally[Severity.HINT])


def files_in_order(diagnostics: Sequence[Diagnostic], files_checked: Sequence[str]) -> list[str]:
    """Every file checked, in the given order, then any other file a finding names
    (e.g. an external `$ref` target) in order of first appearance."""
    seen = dict.fromkeys(files_checked)
    for d in diagnostics:
        seen.setdefault(d.uri)
    return list(seen)


def group_by_file(diagnostics: Sequence[Diagnostic]) -> dict[str, list[Diagnostic]]:
    groups: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        groups.setdefault(d.uri, []).append(d)
    return groups


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def dump_json(doc: Any) -> str:
    """2-space indented JSON, UTF-8 characters as-is, trailing newline.

    orjson writes exactly what `json.dumps(doc, indent=2, ensure_ascii=False)` would,
    dozens of times faster. It refuses lone surrogates (text that was not valid
    UTF-8); those documents fall back to the stdlib with `\\uXXXX` escapes, so the
    report can still be written out as UTF-8.
    """
    import orjson

    try:
        return orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    except orjson.JSONEncodeError:
        import json

        return json.dumps(doc, indent=2, ensure_ascii=True) + "\n"
