"""Breaking-change rule BRK118 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_response, schema_flag, subject


@rule(
    code="BRK118",
    name="response-enum-value-added",
    on=m.ENUM_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-property-enum-value-added",),
)
def response_enum_value_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a new enum value in a response body or property.

    ## What it does
    Reports a new enum value in a response body or property.

    ## Why is this bad?
    Clients with exhaustive switches or generated enums cannot handle the value they now receive. (In a
    request, a new value is harmless.)

    ## Example
    previous: `status: {enum: [open, closed]}`; current: `enum: [open, closed, archived]`.

    ## Use instead
    Document that clients must tolerate unknown values (`x-extensible-enum`), or add a new property.

    ## References
    - oasdiff: `response-property-enum-value-added`
    """
    if in_response(change) and not (change.path and schema_flag(change, "writeOnly")):
        for v in change.detail.get("added", ()):
            yield found(
                change, f"added the new `{v}` enum value to {subject(change)}", "response-property-enum-value-added"
            )
