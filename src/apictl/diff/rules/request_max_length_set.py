"""Breaking-change rule BRK121 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, limit, subject


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
def request_max_length_set(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
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
    if not in_request(change):
        return
    pair = limit(change, "maxLength")
    if pair is None:
        return
    old, new = pair
    if old is None and new is not None:
        yield found(change, f"{subject(change)}: maxLength was set to `{new}`", check_id(change, "max-length-set"))
