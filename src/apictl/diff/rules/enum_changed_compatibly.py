"""Breaking-change rule BRK320 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, fmt, found, in_request, in_response, schema_flag, subject


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
        "response-mediatype-enum-value-removed",
        "request-read-only-property-enum-value-removed",
        "response-write-only-property-enum-value-added",
    ),
)
def enum_changed_compatibly(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an enum value added in a request or removed from a response.

    ## What it does
    Reports an enum value added to a request property or parameter, or removed from a response property
    or body; and enum changes that clients never see: a value removed from a `readOnly` request property
    or added to a `writeOnly` response property.

    ## Why is this bad?
    Not breaking: requests valid before stay valid, and clients receive a subset of the values they
    know. Listed for the changelog.

    ## Example
    previous: `status: {enum: [open, closed]}` in a request; current: `enum: [open, closed, archived]`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-property-enum-value-added`, `request-parameter-enum-value-added`,
      `response-property-enum-value-removed`, `response-mediatype-enum-value-removed` (the enum of the
      whole response body), `request-read-only-property-enum-value-removed`,
      `response-write-only-property-enum-value-added`
    """
    d = change.detail
    w = change.where
    if in_request(change):
        cid = "request-parameter-enum-value-added" if w.section == m.PARAMETER else "request-property-enum-value-added"
        if change.path and w.section == m.PARAMETER:
            cid = ""  # oasdiff does not check the properties of object parameters
        for v in d.get("added", ()):
            yield found(change, f"added the new enum value `{fmt(v)}` to {subject(change)}", cid)
        if change.path and w.section == m.REQUEST_BODY and schema_flag(change, "readOnly"):
            for v in d.get("removed", ()):  # not breaking: clients do not send it (else BRK119)
                msg = f"removed the enum value `{fmt(v)}` of the request read-only property `{change.path}`"
                yield found(change, msg, "request-read-only-property-enum-value-removed")
    elif in_response(change):
        for v in d.get("removed", ()):
            msg = f"removed the enum value `{fmt(v)}` from {subject(change)}"
            cid = "response-property-enum-value-removed" if change.path else "response-mediatype-enum-value-removed"
            yield found(change, msg, cid)
        if change.path and schema_flag(change, "writeOnly"):
            for v in d.get("added", ()):  # not breaking: it is not returned (else BRK118)
                msg = f"added the new `{fmt(v)}` enum value to the `{change.path}` response write-only property"
                yield found(change, msg, "response-write-only-property-enum-value-added")
