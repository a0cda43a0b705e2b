"""Breaking-change rule BRK134 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_request, limit_rule, min_increased

_CHECK = limit_rule(
    in_request,
    Limit("minItems", "min-items-increased", min_increased, "0"),
)


@rule(
    code="BRK134",
    name="request-min-items-increased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-min-items-increased",
        "request-property-min-items-increased",
        "request-parameter-min-items-increased",
    ),
)
def request_min_items_increased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a request body, property or parameter whose `minItems` was increased.

    ## What it does
    Reports a request body, property or parameter whose `minItems` was increased.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `minItems: 0`; current: `minItems: 1`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-min-items-increased`, `request-property-min-items-increased`,
    `request-parameter-min-items-increased`
    """
    return _CHECK(change, ctx)
