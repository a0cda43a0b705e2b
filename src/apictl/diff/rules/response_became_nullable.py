"""Breaking-change rule BRK116 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_response


@rule(
    code="BRK116",
    name="response-became-nullable",
    on=m.NULLABLE_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-became-nullable", "response-property-became-nullable"),
)
def response_became_nullable(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a response body or property that became nullable.

    ## What it does
    Reports a response body or property that became nullable.

    ## Why is this bad?
    Clients that never expected `null` dereference it and crash.

    ## Example
    previous: `name: {type: string}`; current: `name: {type: string, nullable: true}`.

    ## Use instead
    Omit the property instead of returning null, or add a new nullable property.

    ## References
    - oasdiff: `response-body-became-nullable`, `response-property-became-nullable`
    """
    if in_response(change) and change.detail.get("nullable"):
        what = f"the response property `{change.path}`" if change.path else "the response body"
        yield found(
            change,
            f"{what} became nullable for the status `{change.where.status}`",
            check_id(change, "became-nullable"),
        )
