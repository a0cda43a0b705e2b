"""Breaking-change rule BRK131 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_response, increased_or_unset, limit_rule

_CHECK = limit_rule(
    in_response,
    Limit("maximum", "max-increased", increased_or_unset, "unbounded"),
)


@rule(
    code="BRK131",
    name="response-max-increased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-max-increased", "response-property-max-increased"),
)
def response_max_increased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a response body, property whose `maximum` was increased.

    ## What it does
    Reports a response body, property whose `maximum` was increased.

    ## Why is this bad?
    Clients validate or size their storage for the documented limit and fail on values outside it.

    ## Example
    previous: `maximum: 100`; current: `maximum: 1000`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `response-body-max-increased`, `response-property-max-increased`
    """
    return _CHECK(change, ctx)
