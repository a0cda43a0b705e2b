"""Breaking-change rule BRK155 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, decreased, increased, limit_rule, request_body

_CHECK = limit_rule(
    request_body,
    Limit("maxContains", "max-contains-decreased", decreased),
    Limit("minContains", "min-contains-increased", increased),
)


@rule(
    code="BRK155",
    name="request-contains-limit-narrowed",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-max-contains-decreased",
        "request-property-max-contains-decreased",
        "request-body-min-contains-increased",
        "request-property-min-contains-increased",
    ),
)
def request_contains_limit_narrowed(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a request array whose `maxContains` decreased or `minContains` increased.

    ## What it does
    Reports a request body or property array whose `maxContains` decreased or `minContains` increased.

    ## Why is this bad?
    Arrays that clients send were valid before and are rejected now.

    ## Example
    previous: `minContains: 1`; current: `minContains: 2`.

    ## Use instead
    Keep the previous limits.

    ## References
    - oasdiff: `request-body-max-contains-decreased`, `request-property-max-contains-decreased`,
      `request-body-min-contains-increased`, `request-property-min-contains-increased`
    """
    return _CHECK(change, ctx)
