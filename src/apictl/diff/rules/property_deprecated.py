"""Breaking-change rule BRK313 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, keyword, side, sunset_date, sunset_problem


@rule(
    code="BRK313",
    name="property-deprecated",
    on=m.KEYWORD_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-property-deprecated",
        "request-property-reactivated",
        "response-property-deprecated",
        "response-property-reactivated",
        "request-property-deprecated-with-sunset",
        "response-property-deprecated-with-sunset",
    ),
)
def property_deprecated(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request or response property that became deprecated (or was reactivated).

    ## What it does
    Reports a request or response property that became `deprecated: true` (or stopped being deprecated).

    ## Why is this bad?
    Not breaking: users should learn about deprecations early, from the changelog.

    ## Example
    previous: `nickname: {type: string}`; current: `nickname: {type: string, deprecated: true}`.

    ## Use instead
    Announce when the property goes away.

    ## References
    - oasdiff: `request-property-deprecated`, `request-property-reactivated`, `response-property-deprecated`,
      `response-property-reactivated`, `request-property-deprecated-with-sunset`,
      `response-property-deprecated-with-sunset`; a deprecation whose sunset date is missing (under a
      policy), invalid or too close is BRK174
    """
    d = change.detail
    s = side(change)
    if not s or keyword(change) != "deprecated" or not change.path or bool(d.get("old")) == bool(d.get("new")):
        return
    if d.get("new"):
        new = change.new.value if change.new is not None and isinstance(change.new.value, dict) else {}
        if sunset_problem(ctx, new)[0]:
            return  # BRK174
        sunset = sunset_date(new.get("x-sunset"))
        if sunset is None:
            yield found(change, f"{s} property `{change.path}` deprecated", f"{s}-property-deprecated")
        else:
            msg = f"{s} property `{change.path}` deprecated with sunset date `{sunset}`"
            yield found(change, msg, f"{s}-property-deprecated-with-sunset")
    else:
        yield found(change, f"{s} property `{change.path}` reactivated", f"{s}-property-reactivated")
