"""Breaking-change rule BRK119 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_request, schema_flag, subject


@rule(
    code="BRK119",
    name="request-enum-value-removed",
    on=m.ENUM_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-property-enum-value-removed",
        "request-parameter-enum-value-removed",
        "request-body-enum-value-removed",
    ),
)
def request_enum_value_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an enum value that requests may no longer use.

    ## What it does
    Reports an enum value that requests may no longer use.

    ## Why is this bad?
    Clients that send it are rejected. (In a response, a removed value is harmless.)

    ## Example
    previous: `sort: {enum: [asc, desc, random]}`; current: `enum: [asc, desc]`.

    ## Use instead
    Keep accepting the value; deprecate it in the description.

    ## References
    - oasdiff: `request-property-enum-value-removed`, `request-parameter-enum-value-removed`,
      `request-body-enum-value-removed`. oasdiff 1.15 rates the last (a value removed from the enum of
      the whole body) as info; apictl reports it as the error it is for clients sending that value.
    """
    if in_request(change) and not (change.path and schema_flag(change, "readOnly")):
        cid = (
            "request-parameter-enum-value-removed"
            if change.where.section == m.PARAMETER
            else "request-property-enum-value-removed"
            if change.path
            else "request-body-enum-value-removed"
        )
        for v in change.detail.get("removed", ()):
            yield found(change, f"removed the enum value `{v}` from {subject(change)}", cid)
