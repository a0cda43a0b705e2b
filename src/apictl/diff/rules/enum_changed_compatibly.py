"""Breaking-change rule BRK320 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, fmt, found, in_request, in_response, subject


@rule(
    code="BRK320",
    name="enum-changed-compatibly",
    on=m.ENUM_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-property-enum-value-added",
        "request-parameter-enum-value-added",
        "response-property-enum-value-removed",
    ),
)
def enum_changed_compatibly(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an enum value added in a request or removed from a response.

    ## What it does
    Reports an enum value added to a request property or parameter, or removed from a response property.

    ## Why is this bad?
    Not breaking: requests valid before stay valid, and clients receive a subset of the values they
    know. Listed for the changelog.

    ## Example
    previous: `status: {enum: [open, closed]}` in a request; current: `enum: [open, closed, archived]`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-property-enum-value-added`, `request-parameter-enum-value-added`,
      `response-property-enum-value-removed`
    """
    d = change.detail
    w = change.where
    if in_request(change):
        cid = "request-parameter-enum-value-added" if w.section == m.PARAMETER else "request-property-enum-value-added"
        for v in d.get("added", ()):
            yield found(change, f"added the new enum value `{fmt(v)}` to {subject(change)}", cid)
    elif in_response(change):
        for v in d.get("removed", ()):
            msg = f"removed the enum value `{fmt(v)}` from {subject(change)}"
            yield found(change, msg, "response-property-enum-value-removed")
