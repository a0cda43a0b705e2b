"""Breaking-change rule BRK304 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_request


@rule(
    code="BRK304",
    name="new-optional-request-property",
    on=m.PROPERTY_ADDED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("new-optional-request-property",),
)
def new_optional_request_property(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a new optional request property (not breaking).

    ## What it does
    Reports a new optional request property (not breaking).

    ## Why is this bad?
    Nothing is wrong: existing clients keep working; it is listed for the changelog.

    ## Example
    previous: `properties: {name}`; current: `properties: {name, tag}`.

    ## Use instead
    Nothing to change.

    ## References
    - oasdiff: `new-optional-request-property`
    """
    if in_request(change) and not change.detail.get("required"):
        yield found(change, f"added the new optional request property `{change.path}`", "new-optional-request-property")
