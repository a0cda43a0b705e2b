"""Breaking-change rule BRK156 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, decreased, increased, limit_rule, response_body

_CHECK = limit_rule(
    response_body,
    Limit("maxContains", "max-contains-increased", increased),
    Limit("minContains", "min-contains-decreased", decreased),
)


@rule(
    code="BRK156",
    name="response-contains-limit-widened",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "response-body-max-contains-increased",
        "response-property-max-contains-increased",
        "response-body-min-contains-decreased",
        "response-property-min-contains-decreased",
    ),
)
def response_contains_limit_widened(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a response array whose `maxContains` increased or `minContains` decreased.

    ## What it does
    Reports a response body or property array whose `maxContains` increased or `minContains` decreased.

    ## Why is this bad?
    Clients may receive arrays outside the bounds they were written for.

    ## Example
    previous: `maxContains: 5`; current: `maxContains: 9`.

    ## Use instead
    Keep responses within the previous bounds.

    ## References
    - oasdiff: `response-body-max-contains-increased`, `response-property-max-contains-increased`,
      `response-body-min-contains-decreased`, `response-property-min-contains-decreased`
    """
    return _CHECK(change, ctx)
