"""Breaking-change rule BRK128 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_request, limit_rule, was_set

_CHECK = limit_rule(
    in_request,
    Limit("maximum", "max-set", was_set),
)


@rule(
    code="BRK128",
    name="request-max-set",
    on=m.LIMIT_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-max-set", "request-property-max-set", "request-parameter-max-set"),
)
def request_max_set(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a request body, property or parameter whose `maximum` was set.

    ## What it does
    Reports a request body, property or parameter whose `maximum` was set.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `type: integer`; current: `type: integer, maximum: 100`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-max-set`, `request-property-max-set`, `request-parameter-max-set`
    """
    return _CHECK(change, ctx)
