"""Breaking-change rule BRK103 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK103",
    name="response-media-type-removed",
    on=m.MEDIA_TYPE_REMOVED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-media-type-removed",),
)
def response_media_type_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a response media type that is no longer offered.

    ## What it does
    Reports a response media type that is no longer offered.

    ## Why is this bad?
    Clients that ask for it (Accept) get 406 errors or a body they cannot parse.

    ## Example
    previous: `content: {application/json: …, application/xml: …}`; current: only `application/json`.

    ## Use instead
    Keep serving every media type the previous version offered.

    ## References
    - oasdiff: `response-media-type-removed`
    """
    w = change.where
    if w.section == m.RESPONSE_BODY and w.media_type:
        yield found(
            change,
            f"removed the media type `{w.media_type}` for the response with the status `{w.status}`",
            "response-media-type-removed",
        )
