"""Breaking-change rule BRK174 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, keyword, side, sunset_problem


@rule(
    code="BRK174",
    name="property-deprecation-without-valid-sunset",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-property-deprecated-sunset-missing",
        "request-property-deprecated-sunset-invalid",
        "request-property-sunset-date-too-small",
        "response-property-deprecated-sunset-missing",
        "response-property-deprecated-sunset-invalid",
        "response-property-sunset-date-too-small",
    ),
)
def property_deprecation_without_valid_sunset(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request or response property deprecated without a valid sunset date.

    ## What it does
    Reports a request or response property that became deprecated with an `x-sunset` that is not a
    date, or, under the deprecation policy (options of BRK172), without one or with one earlier than
    the policy allows.

    ## Why is this bad?
    Clients need notice before a property goes away; the sunset date is that notice.

    ## Example
    previous: `nickname: {type: string}`; current: `nickname: {type: string, deprecated: true,
    x-sunset: soon}`.

    ## Use instead
    Deprecate with `x-sunset: YYYY-MM-DD` at least the policy's number of days ahead.

    ## References
    - oasdiff: `request-property-deprecated-sunset-missing`,
      `request-property-deprecated-sunset-invalid`, `request-property-sunset-date-too-small`,
      `response-property-deprecated-sunset-missing`, `response-property-deprecated-sunset-invalid`,
      `response-property-sunset-date-too-small`
    """
    d = change.detail
    s = side(change)
    if not s or keyword(change) != "deprecated" or not change.path or not d.get("new") or change.new is None:
        return
    problem, text = sunset_problem(ctx, change.new.value)
    ids = {
        "missing": "deprecated-sunset-missing",
        "invalid": "deprecated-sunset-invalid",
        "too-small": "sunset-date-too-small",
    }
    if problem in ids:
        yield found(change, f"{s} property `{change.path}` {text}", f"{s}-property-{ids[problem]}")
