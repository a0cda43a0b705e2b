"""Breaking-change rule BRK122 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, decreased, in_request, limit_rule

_CHECK = limit_rule(
    in_request,
    Limit("maxLength", "max-length-decreased", decreased),
)


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
def request_max_length_decreased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
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
    return _CHECK(change, ctx)
