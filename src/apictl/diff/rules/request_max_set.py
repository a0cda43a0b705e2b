"""Breaking-change rule BRK128 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, limit, subject


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
def request_max_set(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
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
    if not in_request(change):
        return
    pair = limit(change, "maximum")
    if pair is None:
        return
    old, new = pair
    if old is None and new is not None:
        yield found(change, f"{subject(change)}: maximum was set to `{new}`", check_id(change, "max-set"))
