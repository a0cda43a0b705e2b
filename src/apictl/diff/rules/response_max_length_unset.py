"""Breaking-change rule BRK124 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, in_response, limit_rule, was_unset

_CHECK = limit_rule(
    in_response,
    Limit("maxLength", "max-length-unset", was_unset),
)


@rule(
    code="BRK124",
    name="response-max-length-unset",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-max-length-unset", "response-property-max-length-unset"),
)
def response_max_length_unset(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a response body, property whose `maxLength` was unset.

    ## What it does
    Reports a response body, property whose `maxLength` was unset.

    ## Why is this bad?
    Clients validate or size their storage for the documented limit and fail on values outside it.

    ## Example
    previous: `maxLength: 75`; current: `no maxLength`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `response-body-max-length-unset`, `response-property-max-length-unset`
    """
    return _CHECK(change, ctx)
