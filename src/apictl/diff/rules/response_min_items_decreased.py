"""Breaking-change rule BRK135 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_response, limit_rule, min_decreased

_CHECK = limit_rule(
    in_response,
    Limit("minItems", "min-items-decreased", min_decreased, "0"),
)


@rule(
    code="BRK135",
    name="response-min-items-decreased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-min-items-decreased", "response-property-min-items-decreased"),
)
def response_min_items_decreased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a response body, property whose `minItems` was decreased.

    ## What it does
    Reports a response body, property whose `minItems` was decreased.

    ## Why is this bad?
    Clients validate or size their storage for the documented limit and fail on values outside it.

    ## Example
    previous: `minItems: 1`; current: `minItems: 0`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `response-body-min-items-decreased`, `response-property-min-items-decreased`
    """
    return _CHECK(change, ctx)
