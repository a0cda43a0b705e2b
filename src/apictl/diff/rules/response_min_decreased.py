"""Breaking-change rule BRK132 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, code, found, in_response, limit, subject


@rule(
    code="BRK132",
    name="response-min-decreased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-min-decreased", "response-property-min-decreased"),
)
def response_min_decreased(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a response body, property whose `minimum` was decreased.

    ## What it does
    Reports a response body, property whose `minimum` was decreased.

    ## Why is this bad?
    Clients validate or size their storage for the documented limit and fail on values outside it.

    ## Example
    previous: `minimum: 1`; current: `minimum: 0`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `response-body-min-decreased`, `response-property-min-decreased`
    """
    if not in_response(change):
        return
    pair = limit(change, "minimum")
    if pair is None:
        return
    old, new = pair
    if (old is not None and new is not None and new < old) or (old is not None and new is None):
        yield found(
            change,
            f"{subject(change)}: minimum was decreased from `{old}` to `{code(new) or 'unbounded'}`",
            check_id(change, "min-decreased"),
        )
