"""Breaking-change rule BRK153 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, limit, subject


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
def request_exclusive_limit_set(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
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
    if not in_request(change) or (change.where.section == m.PARAMETER and change.path):
        return
    for kw, word in (("exclusiveMaximum", "max-set"), ("exclusiveMinimum", "min-set")):
        pair = limit(change, kw)
        if pair is not None and pair[0] is None and pair[1] is not None:
            yield found(
                change, f"{subject(change)}: {kw} was set to `{pair[1]}`", check_id(change, f"exclusive-{word}")
            )
