"""Breaking-change rule BRK337 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK337",
    name="response-write-only-property-removed",
    on=m.PROPERTY_REMOVED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "response-optional-write-only-property-removed",
        "response-required-write-only-property-removed",
    ),
)
def response_write_only_property_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a `writeOnly` response property that was removed (not breaking: it is never returned).

    ## What it does
    Reports a property of a response body, marked `writeOnly`, that the new version no longer
    declares.

    ## Why is this bad?
    Not breaking: `writeOnly` properties are not in responses. Listed for the changelog.

    ## Example
    previous: `password: {type: string, writeOnly: true}` in the response schema; current: gone.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `response-optional-write-only-property-removed`,
      `response-required-write-only-property-removed`
    """
    if change.where.section == m.RESPONSE_BODY and change.detail.get("write_only"):
        kind = "required" if change.detail.get("required") else "optional"
        status = change.where.status
        msg = f"removed the {kind} write-only property `{change.path}` from the response with the `{status}` status"
        yield found(change, msg, f"response-{kind}-write-only-property-removed")
