"""Breaking-change rule BRK315 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK315",
    name="media-type-added",
    on=m.MEDIA_TYPE_ADDED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("request-body-media-type-added", "response-media-type-added"),
)
def media_type_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a media type added to a request body or response.

    ## What it does
    Reports a media type added to a request body or a response.

    ## Why is this bad?
    Not breaking: clients may use the new representation. Listed for the changelog.

    ## Example
    previous: `content: {application/json: …}`; current: also `application/xml`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-body-media-type-added`, `response-media-type-added`
    """
    w = change.where
    if w.section == m.REQUEST_BODY:
        yield found(
            change, f"added the media type `{w.media_type}` to the request body", "request-body-media-type-added"
        )
    elif w.section == m.RESPONSE_BODY:
        msg = f"added the media type `{w.media_type}` for the response with the status `{w.status}`"
        yield found(change, msg, "response-media-type-added")
