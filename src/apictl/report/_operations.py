"""Grouping of diff findings by operation (markdown and changelog formats)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from apictl.core.diagnostic import Diagnostic


def operation_of(d: Diagnostic) -> str:
    op = d.extra.get("operation")
    return op if isinstance(op, str) and op else ""


def by_operation(diagnostics: Sequence[Diagnostic]) -> dict[str, list[Diagnostic]]:
    """Operations in path order (then method), findings most severe first."""
    groups: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        groups.setdefault(operation_of(d), []).append(d)
    ordered = sorted(groups, key=lambda op: (op.partition(" ")[2], op.partition(" ")[0]))
    return {op: sorted(groups[op], key=lambda d: (-d.severity, d.code, d.message)) for op in ordered}


def text_of(d: Diagnostic) -> str:
    """The message without its leading "METHOD /path: " (the group heading says it)."""
    op = operation_of(d)
    return d.message[len(op) + 2 :] if op and d.message.startswith(op + ": ") else d.message


_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_safe(text: str) -> str:
    """Lone surrogates (from undecodable input) cannot be written as UTF-8: show U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)
