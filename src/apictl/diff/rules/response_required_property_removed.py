"""Breaking-change rule BRK113 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_response


@rule(
    code="BRK113",
    name="response-required-property-removed",
    on=m.PROPERTY_REMOVED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-required-property-removed",),
)
def response_required_property_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a required property removed from a response schema.

    ## What it does
    Reports a required property removed from a response schema.

    ## Why is this bad?
    Clients rely on a required property being present; they crash or misbehave without it.

    ## Example
    previous: `required: [id, name]`, `properties: {id, name}`; current: `name` is gone.

    ## Use instead
    Keep returning the property; deprecate it first.

    ## References
    - oasdiff: `response-required-property-removed`
    """
    if in_response(change) and change.detail.get("required"):
        yield found(
            change,
            f"removed the required property `{change.path}` from the response with the `{change.where.status}` status",
            "response-required-property-removed",
        )
