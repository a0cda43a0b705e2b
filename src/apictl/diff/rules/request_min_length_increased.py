"""Breaking-change rule BRK125 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, code, found, in_request, limit, subject


@rule(
    code="BRK125",
    name="request-min-length-increased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-min-length-increased",
        "request-property-min-length-increased",
        "request-parameter-min-length-increased",
    ),
)
def request_min_length_increased(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body, property or parameter whose `minLength` was increased.

    ## What it does
    Reports a request body, property or parameter whose `minLength` was increased.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `minLength: 1`; current: `minLength: 3`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-min-length-increased`, `request-property-min-length-increased`,
    `request-parameter-min-length-increased`
    """
    if not in_request(change):
        return
    pair = limit(change, "minLength")
    if pair is None:
        return
    old, new = pair
    if (new or 0) > (old or 0):
        yield found(
            change,
            f"{subject(change)}: minLength was increased from `{code(old) or 0}` to `{new}`",
            check_id(change, "min-length-increased"),
        )
