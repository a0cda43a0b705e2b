"""Breaking-change rule BRK154 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, decreased, in_response, increased, limit_rule

_CHECK = limit_rule(
    in_response,
    Limit("exclusiveMaximum", "exclusive-max-increased", increased),
    Limit("exclusiveMinimum", "exclusive-min-decreased", decreased),
)


@rule(
    code="BRK154",
    name="response-exclusive-limit-widened",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "response-body-exclusive-max-increased",
        "response-property-exclusive-max-increased",
        "response-body-exclusive-min-decreased",
        "response-property-exclusive-min-decreased",
    ),
)
def response_exclusive_limit_widened(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a response body or property whose `exclusiveMaximum` increased or `exclusiveMinimum` decreased.

    ## What it does
    Reports a response body or property whose numeric `exclusiveMaximum` increased or `exclusiveMinimum`
    decreased.

    ## Why is this bad?
    Clients may receive values outside the range they were written for.

    ## Example
    previous: `exclusiveMinimum: 1`; current: `exclusiveMinimum: 0`.

    ## Use instead
    Keep responses within the previous range.

    ## References
    - oasdiff: `response-body-exclusive-max-increased`, `response-property-exclusive-max-increased`,
      `response-body-exclusive-min-decreased`, `response-property-exclusive-min-decreased`
    """
    return _CHECK(change, ctx)
