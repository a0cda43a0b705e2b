"""Breaking-change rule BRK112 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_request


@rule(
    code="BRK112",
    name="request-property-removed",
    on=m.PROPERTY_REMOVED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-property-removed",),
)
def request_property_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a property removed from a request body schema.

    ## What it does
    Reports a property removed from a request body schema.

    ## Why is this bad?
    Clients keep sending it; a strict server rejects it, a lenient one silently ignores data the client
    means.

    ## Example
    previous: `properties: {name, nickname}`; current: `properties: {name}`.

    ## Use instead
    Deprecate the property (`deprecated: true`) and keep accepting it.

    ## References
    - oasdiff: `request-property-removed`
    """
    if in_request(change):
        yield found(change, f"removed the request property `{change.path}`", "request-property-removed")
