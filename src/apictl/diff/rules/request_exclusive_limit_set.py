"""Breaking-change rule BRK153 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, limit_rule, request_except_parameter_properties, was_set

_CHECK = limit_rule(
    request_except_parameter_properties,
    Limit("exclusiveMaximum", "exclusive-max-set", was_set),
    Limit("exclusiveMinimum", "exclusive-min-set", was_set),
)


@rule(
    code="BRK153",
    name="request-exclusive-limit-set",
    on=m.LIMIT_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-exclusive-max-set",
        "request-property-exclusive-max-set",
        "request-parameter-exclusive-max-set",
        "request-body-exclusive-min-set",
        "request-property-exclusive-min-set",
        "request-parameter-exclusive-min-set",
    ),
)
def request_exclusive_limit_set(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports an `exclusiveMaximum` or `exclusiveMinimum` newly set on a request body, property or parameter.

    ## What it does
    Reports an `exclusiveMaximum` or `exclusiveMinimum` newly set on a request body, property or
    parameter (numeric form).

    ## Why is this bad?
    Values that clients send may be out of the new range and rejected. A warning: the limit may only
    document what the server already enforced.

    ## Example
    previous: `{type: integer}`; current: `{type: integer, exclusiveMinimum: 0}`.

    ## Use instead
    Set limits from the first version, or make sure existing clients stay within them.

    ## References
    - oasdiff: `request-body-exclusive-max-set`, `request-property-exclusive-max-set`,
      `request-parameter-exclusive-max-set`, `request-body-exclusive-min-set`,
      `request-property-exclusive-min-set`, `request-parameter-exclusive-min-set`
    """
    return _CHECK(change, ctx)
