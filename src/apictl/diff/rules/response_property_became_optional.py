"""Breaking-change rule BRK115 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_response


@rule(
    code="BRK115",
    name="response-property-became-optional",
    on=m.REQUIRED_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-property-became-optional",),
)
def response_property_became_optional(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a required response property that became optional.

    ## What it does
    Reports a required response property that became optional.

    ## Why is this bad?
    Clients (and generated models) assume it is always present and fail when it is missing.

    ## Example
    previous: `required: [id, name]`; current: `required: [id]`.

    ## Use instead
    Keep the property required in responses.

    ## References
    - oasdiff: `response-property-became-optional`
    """
    if in_response(change) and not change.detail.get("required"):
        yield found(
            change,
            f"the response property `{change.path}` became optional for the status `{change.where.status}`",
            "response-property-became-optional",
        )
