"""Breaking-change rule BRK126 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_response, limit_rule, min_decreased

_CHECK = limit_rule(
    in_response,
    Limit("minLength", "min-length-decreased", min_decreased, "0"),
)


@rule(
    code="BRK126",
    name="response-min-length-decreased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-min-length-decreased", "response-property-min-length-decreased"),
)
def response_min_length_decreased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a response body, property whose `minLength` was decreased.

    ## What it does
    Reports a response body, property whose `minLength` was decreased.

    ## Why is this bad?
    Clients validate or size their storage for the documented limit and fail on values outside it.

    ## Example
    previous: `minLength: 3`; current: `minLength: 1`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `response-body-min-length-decreased`, `response-property-min-length-decreased`
    """
    return _CHECK(change, ctx)
