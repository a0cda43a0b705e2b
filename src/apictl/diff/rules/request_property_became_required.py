"""Breaking-change rule BRK111 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, has_default, in_request, subject


@rule(
    code="BRK111",
    name="request-property-became-required",
    on=m.REQUIRED_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-property-became-required", "request-header-property-became-required"),
)
def request_property_became_required(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an optional request property that became required.

    ## What it does
    Reports an optional request property that became required.

    ## Why is this bad?
    Clients that omitted it now get validation errors.

    ## Example
    previous: `required: [name]`; current: `required: [name, tag]`.

    ## Use instead
    Keep the property optional and default it on the server.

    ## References
    - oasdiff: `request-property-became-required`, `request-header-property-became-required` (a property
      of an object header parameter; other parameters' properties have no oasdiff id). A property with a
      `default` that became required is BRK335.
    """
    if not in_request(change) or not change.detail.get("required") or has_default(change):
        return
    if change.where.section == m.PARAMETER:
        cid = "request-header-property-became-required" if change.where.param_in == "header" else ""
        yield found(change, f"{subject(change)} became required", cid)
    else:
        yield found(change, f"the request property `{change.path}` became required", "request-property-became-required")
