"""Breaking-change rule BRK123 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_response, increased, limit_rule

_CHECK = limit_rule(
    in_response,
    Limit("maxLength", "max-length-increased", increased),
)


@rule(
    code="BRK123",
    name="response-max-length-increased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-max-length-increased", "response-property-max-length-increased"),
)
def response_max_length_increased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a response body, property whose `maxLength` was increased.

    ## What it does
    Reports a response body, property whose `maxLength` was increased.

    ## Why is this bad?
    Clients validate or size their storage for the documented limit and fail on values outside it.

    ## Example
    previous: `maxLength: 40`; current: `maxLength: 64`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `response-body-max-length-increased`, `response-property-max-length-increased`
    """
    return _CHECK(change, ctx)
