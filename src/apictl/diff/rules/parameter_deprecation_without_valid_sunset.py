"""Breaking-change rule BRK173 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, sunset_problem


@rule(
    code="BRK173",
    name="parameter-deprecation-without-valid-sunset",
    on=m.PARAMETER_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-parameter-deprecated-sunset-missing",
        "request-parameter-sunset-parse",
        "request-parameter-sunset-date-too-small",
        "request-parameter-sunset-date-changed-too-small",
        "request-parameter-sunset-deleted",
    ),
)
def parameter_deprecation_without_valid_sunset(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request parameter deprecated without a valid sunset date, or whose sunset date was deleted.

    ## What it does
    Reports a request parameter that became deprecated with an `x-sunset` that is not a date, or, under
    the deprecation policy (options of BRK172), without one or with one earlier than the policy allows;
    and a deprecated parameter whose sunset date was deleted or moved earlier than allowed.

    ## Why is this bad?
    Clients need notice before a parameter stops being honoured; the sunset date is that notice.

    ## Example
    previous: `{name: sort, in: query, deprecated: true, x-sunset: 2030-01-01}`; current: `{name: sort,
    in: query, deprecated: true}`.

    ## Use instead
    Deprecate with `x-sunset: YYYY-MM-DD` far enough ahead, and keep it until the parameter is removed.

    ## References
    - oasdiff: `request-parameter-deprecated-sunset-missing`, `request-parameter-sunset-parse`,
      `request-parameter-sunset-date-too-small`, `request-parameter-sunset-date-changed-too-small`,
      `request-parameter-sunset-deleted`
    """
    d = change.detail
    w = change.where
    if change.new is None or change.old is None:
        return
    new, old = change.new.value, change.old.value
    label = f"`{w.param_in}` request parameter `{w.param_name}`"
    if d.get("field") == "deprecated" and d.get("new"):
        problem, text = sunset_problem(ctx, new)
    elif d.get("field") == "x-sunset" and d.get("new") is None:
        yield found(
            change, f"{label}: sunset date deleted, but deprecated=true kept", "request-parameter-sunset-deleted"
        )
        return
    elif d.get("field") == "x-sunset":
        problem, text = sunset_problem(ctx, new, old)
    else:
        return
    ids = {
        "missing": "request-parameter-deprecated-sunset-missing",
        "invalid": "request-parameter-sunset-parse",
        "too-small": "request-parameter-sunset-date-too-small",
        "changed-too-small": "request-parameter-sunset-date-changed-too-small",
    }
    if problem:
        yield found(change, f"{label} {text}", ids[problem])
