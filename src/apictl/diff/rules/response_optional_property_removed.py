"""Breaking-change rule BRK114 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_response


@rule(
    code="BRK114",
    name="response-optional-property-removed",
    on=m.PROPERTY_REMOVED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-optional-property-removed",),
)
def response_optional_property_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an optional property removed from a response schema.

    ## What it does
    Reports an optional property removed from a response schema.

    ## Why is this bad?
    Clients that read the property lose data without any error.

    ## Example
    previous: `properties: {id, nickname}`; current: `nickname` is gone.

    ## Use instead
    Keep returning the property; deprecate it first.

    ## References
    - oasdiff: `response-optional-property-removed`
    """
    if in_response(change) and not change.detail.get("required"):
        yield found(
            change,
            f"removed the optional property `{change.path}` from the response with the `{change.where.status}` status",
            "response-optional-property-removed",
        )
