"""Breaking-change rule BRK104 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK104",
    name="request-media-type-removed",
    on=m.MEDIA_TYPE_REMOVED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-media-type-removed",),
)
def request_media_type_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body media type that the operation no longer accepts.

    ## What it does
    Reports a request body media type that the operation no longer accepts.

    ## Why is this bad?
    Clients sending that media type get 415 Unsupported Media Type.

    ## Example
    previous: `requestBody.content: {application/json, application/x-www-form-urlencoded}`; current:
    only `application/json`.

    ## Use instead
    Keep accepting every media type the previous version accepted.

    ## References
    - oasdiff: `request-body-media-type-removed`
    """
    w = change.where
    if w.section == m.REQUEST_BODY and w.media_type:
        yield found(
            change, f"removed the media type `{w.media_type}` from the request body", "request-body-media-type-removed"
        )
