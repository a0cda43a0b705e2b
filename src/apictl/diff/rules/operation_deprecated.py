"""Breaking-change rule BRK302 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, sunset_date, sunset_problem


@rule(
    code="BRK302",
    name="operation-deprecated",
    on=m.OPERATION_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("endpoint-deprecated", "endpoint-reactivated", "endpoint-deprecated-with-sunset"),
)
def operation_deprecated(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an operation that became deprecated (or was reactivated).

    ## What it does
    Reports an operation that became deprecated (or was reactivated).

    ## Why is this bad?
    Not breaking: users should learn about deprecations early, from the changelog.

    ## Example
    previous: `deprecated: false`; current: `deprecated: true`.

    ## Use instead
    Add an `x-sunset` date so clients know when the operation goes away.

    ## References
    - oasdiff: `endpoint-deprecated`, `endpoint-reactivated`, `endpoint-deprecated-with-sunset`; a
      deprecation whose sunset date is missing (under a policy), invalid or too close is BRK172
    """
    d = change.detail
    if d.get("field") != "deprecated":
        return
    if not d.get("new"):
        yield found(change, "endpoint reactivated", "endpoint-reactivated")
        return
    new = change.new.value if change.new is not None and isinstance(change.new.value, dict) else {}
    if sunset_problem(ctx, new)[0]:
        return  # BRK172
    sunset = sunset_date(new.get("x-sunset"))
    if sunset is None:
        yield found(change, "endpoint deprecated", "endpoint-deprecated")
    else:
        yield found(change, f"endpoint deprecated with sunset date `{sunset}`", "endpoint-deprecated-with-sunset")
