"""Breaking-change rule BRK159 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, side, subject


@rule(
    code="BRK159",
    name="request-all-of-removed",
    on=m.SUBSCHEMAS_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-all-of-removed", "request-property-all-of-removed"),
)
def request_all_of_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a subschema removed from the `allOf` of a request body or property.

    ## What it does
    Reports a subschema removed from the `allOf` of a request body or property.

    ## Why is this bad?
    What clients send for the removed member may now be ignored or rejected (with `additionalProperties:
    false` or `unevaluatedProperties: false`).

    ## Example
    previous: `allOf: [$ref: Pet, $ref: Owned]`; current: `allOf: [$ref: Pet]`.

    ## Use instead
    Keep the member, or deprecate its properties first.

    ## References
    - oasdiff: `request-body-all-of-removed`, `request-property-all-of-removed`
    """
    d = change.detail
    if side(change) == "request" and d.get("keyword") == "allOf":
        for ref in d.get("removed", ()):
            msg = f"removed `{ref}` from the `allOf` list of {subject(change)}"
            yield found(change, msg, check_id(change, "all-of-removed"))
