"""Breaking-change rule BRK132 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, decreased_or_unset, in_response, limit_rule

_CHECK = limit_rule(
    in_response,
    Limit("minimum", "min-decreased", decreased_or_unset, "unbounded"),
)


@rule(
    code="BRK132",
    name="response-min-decreased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-min-decreased", "response-property-min-decreased"),
)
def response_min_decreased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a response body, property whose `minimum` was decreased.

    ## What it does
    Reports a response body, property whose `minimum` was decreased.

    ## Why is this bad?
    Clients validate or size their storage for the documented limit and fail on values outside it.

    ## Example
    previous: `minimum: 1`; current: `minimum: 0`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `response-body-min-decreased`, `response-property-min-decreased`
    """
    return _CHECK(change, ctx)
