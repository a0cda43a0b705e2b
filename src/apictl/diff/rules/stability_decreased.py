"""Breaking-change rule BRK163 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, fmt, found

LEVELS = ("draft", "alpha", "beta", "stable")


@rule(
    code="BRK163",
    name="stability-decreased",
    on=m.OPERATION_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("api-stability-decreased", "api-invalid-stability-level"),
)
def stability_decreased(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an operation whose `x-stability-level` decreased or became invalid.

    ## What it does
    Reports an operation whose `x-stability-level` went down (`stable` > `beta` > `alpha` > `draft`) or
    is not one of those values.

    ## Why is this bad?
    Clients chose the operation for the stability it promised; lowering it withdraws that promise.

    ## Example
    previous: `x-stability-level: stable`; current: `x-stability-level: beta`.

    ## Use instead
    Keep the stability level, or raise it.

    ## References
    - oasdiff: `api-stability-decreased`, `api-invalid-stability-level`
    """
    d = change.detail
    if d.get("field") != "x-stability-level":
        return
    old, new = d.get("old"), d.get("new")
    if new is not None and new not in LEVELS:
        yield found(change, f"invalid x-stability-level `{fmt(new)}`", "api-invalid-stability-level")
    elif old in LEVELS and new in LEVELS and LEVELS.index(new) < LEVELS.index(old):
        yield found(change, f"stability level decreased from `{old}` to `{new}`", "api-stability-decreased")
