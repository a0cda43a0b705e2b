"""Breaking-change rule BRK157 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, keyword, side, subject


@rule(
    code="BRK157",
    name="prefix-items-changed",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-prefix-items-removed",
        "request-property-prefix-items-removed",
        "response-body-prefix-items-added",
        "response-property-prefix-items-added",
    ),
)
def prefix_items_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports `prefixItems` members removed from a request array or added to a response array.

    ## What it does
    Reports `prefixItems` members removed from a request body or property, or added to a response body
    or property (members are compared by position; their count is what changes).

    ## Why is this bad?
    A tuple's shape changed: requests shaped like before are rejected, or responses carry positions
    clients do not expect.

    ## Example
    previous: `prefixItems: [{type: string}, {type: integer}]`; current: `prefixItems: [{type: string}]`
    in a request.

    ## Use instead
    Keep tuple shapes stable; add a new property for a new shape.

    ## References
    - oasdiff: `request-body-prefix-items-removed`, `request-property-prefix-items-removed`,
      `response-body-prefix-items-added`, `response-property-prefix-items-added`
    """
    d = change.detail
    s = side(change)
    if keyword(change) != "prefixItems" or not s:
        return
    old, new = int(d.get("old") or 0), int(d.get("new") or 0)
    if s == "request" and new < old:
        for i in range(new, old):
            msg = f"removed `subschema #{i + 1}` from the `prefixItems` of {subject(change)}"
            yield found(change, msg, check_id(change, "prefix-items-removed"))
    elif s == "response" and new > old:
        for i in range(old, new):
            msg = f"added `subschema #{i + 1}` to the `prefixItems` of {subject(change)}"
            yield found(change, msg, check_id(change, "prefix-items-added"))
