"""Breaking-change rule BRK127 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, decreased, in_request, limit_rule

_CHECK = limit_rule(
    in_request,
    Limit("maximum", "max-decreased", decreased),
)


@rule(
    code="BRK127",
    name="request-max-decreased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-max-decreased", "request-property-max-decreased", "request-parameter-max-decreased"),
)
def request_max_decreased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a request body, property or parameter whose `maximum` was decreased.

    ## What it does
    Reports a request body, property or parameter whose `maximum` was decreased.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `maximum: 100`; current: `maximum: 50`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-max-decreased`, `request-property-max-decreased`, `request-parameter-max-decreased`
    """
    return _CHECK(change, ctx)
