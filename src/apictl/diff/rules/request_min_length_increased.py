"""Breaking-change rule BRK125 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_request, limit_rule, min_increased

_CHECK = limit_rule(
    in_request,
    Limit("minLength", "min-length-increased", min_increased, "0"),
)


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
def request_min_length_increased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
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
    return _CHECK(change, ctx)
