"""Breaking-change rule BRK134 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, code, found, in_request, limit, subject


@rule(
    code="BRK134",
    name="request-min-items-increased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-min-items-increased",
        "request-property-min-items-increased",
        "request-parameter-min-items-increased",
    ),
)
def request_min_items_increased(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body, property or parameter whose `minItems` was increased.

    ## What it does
    Reports a request body, property or parameter whose `minItems` was increased.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `minItems: 0`; current: `minItems: 1`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-min-items-increased`, `request-property-min-items-increased`,
    `request-parameter-min-items-increased`
    """
    if not in_request(change):
        return
    pair = limit(change, "minItems")
    if pair is None:
        return
    old, new = pair
    if (new or 0) > (old or 0):
        yield found(
            change,
            f"{subject(change)}: minItems was increased from `{code(old) or 0}` to `{new}`",
            check_id(change, "min-items-increased"),
        )
