"""Breaking-change rule BRK129 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_request, increased, limit_rule

_CHECK = limit_rule(
    in_request,
    Limit("minimum", "min-increased", increased),
)


@rule(
    code="BRK129",
    name="request-min-increased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-min-increased", "request-property-min-increased", "request-parameter-min-increased"),
)
def request_min_increased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a request body, property or parameter whose `minimum` was increased.

    ## What it does
    Reports a request body, property or parameter whose `minimum` was increased.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `minimum: 0`; current: `minimum: 1`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-min-increased`, `request-property-min-increased`, `request-parameter-min-increased`
    """
    return _CHECK(change, ctx)
