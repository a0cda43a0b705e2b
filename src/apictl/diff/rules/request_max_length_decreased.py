"""Breaking-change rule BRK122 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, limit, subject


@rule(
    code="BRK122",
    name="request-max-length-decreased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-max-length-decreased",
        "request-property-max-length-decreased",
        "request-parameter-max-length-decreased",
    ),
)
def request_max_length_decreased(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body, property or parameter whose `maxLength` was decreased.

    ## What it does
    Reports a request body, property or parameter whose `maxLength` was decreased.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `maxLength: 100`; current: `maxLength: 50`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-max-length-decreased`, `request-property-max-length-decreased`,
    `request-parameter-max-length-decreased`
    """
    if not in_request(change):
        return
    pair = limit(change, "maxLength")
    if pair is None:
        return
    old, new = pair
    if old is not None and new is not None and new < old:
        yield found(
            change,
            f"{subject(change)}: maxLength was decreased from `{old}` to `{new}`",
            check_id(change, "max-length-decreased"),
        )
