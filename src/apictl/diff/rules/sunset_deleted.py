"""Breaking-change rule BRK164 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, fmt, found


@rule(
    code="BRK164",
    name="sunset-deleted",
    on=m.OPERATION_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("sunset-deleted",),
)
def sunset_deleted(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a deprecated operation whose `x-sunset` date was removed.

    ## What it does
    Reports a deprecated operation whose `x-sunset` date was removed.

    ## Why is this bad?
    Clients planned their migration around the announced date; without it they cannot tell when the
    operation goes away.

    ## Example
    previous: `deprecated: true, x-sunset: 2025-12-31`; current: `deprecated: true`.

    ## Use instead
    Keep the sunset date, or move it later.

    ## References
    - oasdiff: `sunset-deleted`
    """
    d = change.detail
    new = change.new.value if change.new is not None and isinstance(change.new.value, dict) else {}
    if d.get("field") == "x-sunset" and d.get("old") is not None and d.get("new") is None and new.get("deprecated"):
        yield found(change, f"sunset date `{fmt(d['old'])}` deleted from a deprecated endpoint", "sunset-deleted")
