"""Breaking-change rule BRK303 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_response


@rule(
    code="BRK303",
    name="response-property-added",
    on=m.PROPERTY_ADDED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "response-optional-property-added",
        "response-required-property-added",
        "response-optional-write-only-property-added",
        "response-required-write-only-property-added",
    ),
)
def response_property_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a new response property (not breaking).

    ## What it does
    Reports a new response property (not breaking), `writeOnly` ones included (they are not returned).

    ## Why is this bad?
    Nothing is wrong: clients should ignore unknown properties; it is listed for the changelog.

    ## Example
    previous: `properties: {id}`; current: `properties: {id, created_at}`.

    ## Use instead
    Nothing to change.

    ## References
    - oasdiff: `response-optional-property-added`, `response-required-property-added`,
      `response-optional-write-only-property-added`, `response-required-write-only-property-added`
    """
    if change.where.section == m.RESPONSE_BODY and change.detail.get("write_only"):
        kind = "required" if change.detail.get("required") else "optional"
        yield found(
            change,
            f"added the {kind} write-only property `{change.path}` to the response with the "
            f"`{change.where.status}` status",
            f"response-{kind}-write-only-property-added",
        )
    elif in_response(change):
        kind = "required" if change.detail.get("required") else "optional"
        yield found(
            change,
            f"added the {kind} property `{change.path}` to the response with the `{change.where.status}` status",
            f"response-{kind}-property-added",
        )
