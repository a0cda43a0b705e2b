"""Breaking-change rule BRK121 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_request, limit_rule, was_set

_CHECK = limit_rule(
    in_request,
    Limit("maxLength", "max-length-set", was_set),
)


@rule(
    code="BRK121",
    name="request-max-length-set",
    on=m.LIMIT_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-max-length-set", "request-property-max-length-set", "request-parameter-max-length-set"),
)
def request_max_length_set(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a request body, property or parameter whose `maxLength` was set.

    ## What it does
    Reports a request body, property or parameter whose `maxLength` was set.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `name: {type: string}`; current: `name: {type: string, maxLength: 50}`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-max-length-set`, `request-property-max-length-set`, `request-parameter-max-length-set`
    """
    return _CHECK(change, ctx)
