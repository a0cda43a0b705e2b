"""Breaking-change rule BRK133 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, limit, subject


@rule(
    code="BRK133",
    name="request-max-items-decreased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-max-items-decreased",
        "request-property-max-items-decreased",
        "request-parameter-max-items-decreased",
    ),
)
def request_max_items_decreased(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body, property or parameter whose `maxItems` was decreased.

    ## What it does
    Reports a request body, property or parameter whose `maxItems` was decreased.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `maxItems: 100`; current: `maxItems: 10`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-max-items-decreased`, `request-property-max-items-decreased`,
    `request-parameter-max-items-decreased`
    """
    if not in_request(change):
        return
    pair = limit(change, "maxItems")
    if pair is None:
        return
    old, new = pair
    if old is not None and new is not None and new < old:
        yield found(
            change,
            f"{subject(change)}: maxItems was decreased from `{old}` to `{new}`",
            check_id(change, "max-items-decreased"),
        )
