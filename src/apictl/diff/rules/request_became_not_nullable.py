"""Breaking-change rule BRK117 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, subject


@rule(
    code="BRK117",
    name="request-became-not-nullable",
    on=m.NULLABLE_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-became-not-nullable", "request-property-became-not-nullable"),
)
def request_became_not_nullable(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body or property that no longer accepts null.

    ## What it does
    Reports a request body or property that no longer accepts null.

    ## Why is this bad?
    Clients that send null now get validation errors.

    ## Example
    previous: `note: {type: string, nullable: true}`; current: `note: {type: string}`.

    ## Use instead
    Keep accepting null.

    ## References
    - oasdiff: `request-body-became-not-nullable`, `request-property-became-not-nullable`
    """
    if in_request(change) and change.where.section == m.REQUEST_BODY and not change.detail.get("nullable"):
        yield found(change, f"{subject(change)} became not nullable", check_id(change, "became-not-nullable"))
