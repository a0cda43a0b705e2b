"""Breaking-change rule BRK130 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_request, limit_rule, was_set

_CHECK = limit_rule(
    in_request,
    Limit("minimum", "min-set", was_set),
)


@rule(
    code="BRK130",
    name="request-min-set",
    on=m.LIMIT_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-min-set", "request-property-min-set", "request-parameter-min-set"),
)
def request_min_set(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a request body, property or parameter whose `minimum` was set.

    ## What it does
    Reports a request body, property or parameter whose `minimum` was set.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `type: integer`; current: `type: integer, minimum: 1`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-min-set`, `request-property-min-set`, `request-parameter-min-set`
    """
    return _CHECK(change, ctx)
