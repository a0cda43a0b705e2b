"""Breaking-change rule BRK304 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, has_default, in_request


@rule(
    code="BRK304",
    name="new-optional-request-property",
    on=m.PROPERTY_ADDED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("new-optional-request-property", "new-required-request-property-with-default"),
)
def new_optional_request_property(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a new optional request property (not breaking).

    ## What it does
    Reports a new optional request property (not breaking), or a new required one with a `default`
    (which oasdiff does not count as breaking either: the server fills it in).

    ## Why is this bad?
    Nothing is wrong: existing clients keep working; it is listed for the changelog.

    ## Example
    previous: `properties: {name}`; current: `properties: {name, tag}`.

    ## Use instead
    Nothing to change.

    ## References
    - oasdiff: `new-optional-request-property`, `new-required-request-property-with-default`
    """
    if not in_request(change):
        return
    body = change.where.section == m.REQUEST_BODY  # parameters' properties have no oasdiff id
    if not change.detail.get("required"):
        msg = f"added the new optional request property `{change.path}`"
        yield found(change, msg, "new-optional-request-property" if body else "")
    elif has_default(change):
        msg = f"added the new required request property `{change.path}` with a default value"
        yield found(change, msg, "new-required-request-property-with-default" if body else "")
