"""Breaking-change rule BRK123 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_response, limit, subject


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
def response_max_length_increased(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
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
    if not in_response(change):
        return
    pair = limit(change, "maxLength")
    if pair is None:
        return
    old, new = pair
    if old is not None and new is not None and new > old:
        yield found(
            change,
            f"{subject(change)}: maxLength was increased from `{old}` to `{new}`",
            check_id(change, "max-length-increased"),
        )
