"""Breaking-change rule BRK158 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, side, subject


@rule(
    code="BRK158",
    name="request-all-of-added",
    on=m.SUBSCHEMAS_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-all-of-added", "request-property-all-of-added"),
)
def request_all_of_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a subschema added to the `allOf` of a request body or property.

    ## What it does
    Reports a subschema added to the `allOf` of a request body or property.

    ## Why is this bad?
    Every member must now hold: requests valid before may miss what the new member requires.

    ## Example
    previous: `allOf: [$ref: Pet]`; current: `allOf: [$ref: Pet, $ref: Owned]`.

    ## Use instead
    Add optional properties instead of new `allOf` members.

    ## References
    - oasdiff: `request-body-all-of-added`, `request-property-all-of-added`
    """
    d = change.detail
    if side(change) == "request" and d.get("keyword") == "allOf":
        for ref in d.get("added", ()):
            yield found(
                change, f"added `{ref}` to the `allOf` list of {subject(change)}", check_id(change, "all-of-added")
            )
