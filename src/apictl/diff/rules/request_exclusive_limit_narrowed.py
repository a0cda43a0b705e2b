"""Breaking-change rule BRK152 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, decreased, increased, limit_rule, request_except_parameter_properties

_CHECK = limit_rule(
    request_except_parameter_properties,
    Limit("exclusiveMaximum", "exclusive-max-decreased", decreased),
    Limit("exclusiveMinimum", "exclusive-min-increased", increased),
)


@rule(
    code="BRK152",
    name="request-exclusive-limit-narrowed",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-exclusive-max-decreased",
        "request-property-exclusive-max-decreased",
        "request-parameter-exclusive-max-decreased",
        "request-body-exclusive-min-increased",
        "request-property-exclusive-min-increased",
        "request-parameter-exclusive-min-increased",
    ),
)
def request_exclusive_limit_narrowed(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a request body, property or parameter whose `exclusiveMaximum` decreased or `exclusiveMinimum` increased.

    ## What it does
    Reports a request body, property or parameter whose numeric `exclusiveMaximum` decreased or
    `exclusiveMinimum` increased (OpenAPI 3.1 / JSON Schema numbers; the boolean form of OpenAPI 3.0 is
    not compared).

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `exclusiveMaximum: 100`; current: `exclusiveMaximum: 50`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-exclusive-max-decreased`, `request-property-exclusive-max-decreased`,
      `request-parameter-exclusive-max-decreased`, `request-body-exclusive-min-increased`,
      `request-property-exclusive-min-increased`, `request-parameter-exclusive-min-increased`
    """
    return _CHECK(change, ctx)
