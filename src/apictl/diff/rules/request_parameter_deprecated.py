"""Breaking-change rule BRK331 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, sunset_problem


@rule(
    code="BRK331",
    name="request-parameter-deprecated",
    on=m.PARAMETER_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("request-parameter-deprecated", "request-parameter-reactivated"),
)
def request_parameter_deprecated(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request parameter that became deprecated (or was reactivated).

    ## What it does
    Reports a request parameter that became `deprecated: true` (or stopped being deprecated).

    ## Why is this bad?
    Not breaking: users should learn about deprecations early, from the changelog.

    ## Example
    previous: `{name: sort, in: query}`; current: `{name: sort, in: query, deprecated: true}`.

    ## Use instead
    Announce when the parameter goes away.

    ## References
    - oasdiff: `request-parameter-deprecated`, `request-parameter-reactivated`; a deprecation whose sunset
      date is missing (under a policy), invalid or too close is BRK173
    """
    d = change.detail
    w = change.where
    if d.get("field") != "deprecated":
        return
    if d.get("new"):
        if change.new is not None and sunset_problem(ctx, change.new.value)[0]:
            return  # BRK173
        yield found(
            change, f"`{w.param_in}` request parameter `{w.param_name}` deprecated", "request-parameter-deprecated"
        )
    else:
        msg = f"`{w.param_in}` request parameter `{w.param_name}` reactivated"
        yield found(change, msg, "request-parameter-reactivated")
