"""Breaking-change rule BRK106 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, sunset_date


@rule(
    code="BRK106",
    name="request-parameter-removed",
    on=m.PARAMETER_REMOVED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-parameter-removed", "request-parameter-removed-before-sunset", "request-parameter-sunset-parse"),
)
def request_parameter_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request parameter that the operation no longer declares.

    ## What it does
    Reports a request parameter that the operation no longer declares (a warning). A parameter that
    was `deprecated: true` with an `x-sunset` date may be removed after that date; removing it before,
    or with a sunset that is not a date, is an error. Removal after a deprecation without sunset date
    is BRK340.

    ## Why is this bad?
    Clients keep sending it; the server may now reject it or silently ignore a value the client relies
    on.

    ## Example
    previous: `{name: sort, in: query}`; current: the parameter is gone.

    ## Use instead
    Deprecate the parameter first and keep accepting it.

    ## References
    - oasdiff: `request-parameter-removed`, `request-parameter-removed-before-sunset`,
      `request-parameter-sunset-parse`
    """
    w = change.where
    d = change.detail
    label = f"the `{w.param_in}` request parameter `{w.param_name}`"
    if not d.get("deprecated"):
        yield found(change, f"deleted {label}", "request-parameter-removed")
        return
    if d.get("sunset") is None:
        return  # removed after a deprecation without sunset date: BRK340
    sunset = sunset_date(d.get("sunset"))
    if sunset is None:
        msg = f"deleted {label}, but its sunset date `{d['sunset']}` is not a date"
        yield found(change, msg, "request-parameter-sunset-parse", severity="error")
    elif ctx.today < sunset:
        msg = f"deleted {label} before the sunset date `{sunset}`"
        yield found(change, msg, "request-parameter-removed-before-sunset", severity="error")
