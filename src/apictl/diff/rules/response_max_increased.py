"""Breaking-change rule BRK131 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, code, found, in_response, limit, subject


@rule(
    code="BRK131",
    name="response-max-increased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-max-increased", "response-property-max-increased"),
)
def response_max_increased(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a response body, property whose `maximum` was increased.

    ## What it does
    Reports a response body, property whose `maximum` was increased.

    ## Why is this bad?
    Clients validate or size their storage for the documented limit and fail on values outside it.

    ## Example
    previous: `maximum: 100`; current: `maximum: 1000`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `response-body-max-increased`, `response-property-max-increased`
    """
    if not in_response(change):
        return
    pair = limit(change, "maximum")
    if pair is None:
        return
    old, new = pair
    if (old is not None and new is not None and new > old) or (old is not None and new is None):
        yield found(
            change,
            f"{subject(change)}: maximum was increased from `{old}` to `{code(new) or 'unbounded'}`",
            check_id(change, "max-increased"),
        )
