"""The one finding type shared by lint, diff, contract checks and load errors.

A `Diagnostic` says what is wrong (`message`), where (`uri` + JSON `pointer`, and
the 1-based `span` once positions are resolved) and how bad it is (`severity`).
Diffs additionally carry the location in the *old* document (`old_*`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that `a >= b` means "at least as severe as"."""

    HINT = 0
    INFO = 1
    WARN = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return _LABELS[self]  # `self.name` is a slow enum descriptor; reports ask once per finding

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Accept Spectral/Redocly spellings: error, warn/warning, info, hint."""
        key = text.strip().lower()
        aliases = {"warning": "warn", "information": "info", "0": "error", "1": "warn", "2": "info", "3": "hint"}
        key = aliases.get(key, key)
        try:
            return cls[key.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (expected error, warn, info or hint)") from None


_LABELS = {s: s.name.lower() for s in Severity}


@dataclass(frozen=True, slots=True)
class Span:
    """A region of source text; lines and columns are 1-based, end inclusive-ish
    (end points at the last character of the node's first line when it is large)."""

    line: int
    col: int
    end_line: int
    end_col: int


@dataclass(slots=True)
class Diagnostic:
    code: str  # stable rule code, e.g. "OAS201"
    rule: str  # kebab-case rule name, e.g. "operation-operationid-unique"
    severity: Severity
    message: str
    uri: str  # the file the node is written in, as given/displayed (relative when possible)
    pointer: str = ""  # JSON pointer of the node inside `uri` ("" = document root)
    span: Span | None = None
    # For breaking-change findings: where the node was in the previous version.
    old_uri: str | None = None
    old_pointer: str | None = None
    old_span: Span | None = None
    category: str | None = None  # e.g. "wire" / "sdk" / "docs" for breaking rules
    source: str = "apictl"
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def line(self) -> int:
        return self.span.line if self.span else 1

    @property
    def col(self) -> int:
        return self.span.col if self.span else 1

    def sort_key(self) -> tuple[str, int, int, str, str]:
        span = self.span  # not the properties: sorting 90k findings called them 180k times
        return (self.uri, span.line if span else 1, span.col if span else 1, self.code, self.message)
