"""Breaking-change rule BRK171 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK171",
    name="media-type-narrowed",
    on=m.MEDIA_TYPE_RENAMED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-media-type-name-generalized",),
)
def media_type_narrowed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a media type renamed the breaking way: more general in a response, more specific in a request.

    ## What it does
    Reports a media type whose name changed to a related one (same type, with or without a structured
    suffix: `application/json` and `application/problem+json`) the breaking way: in a response, to a
    more general name (clients may now receive payloads they do not handle); in a request, to a more
    specific name (what clients send is no longer declared). Renames that only change media type
    parameters are BRK338.

    ## Why is this bad?
    Clients negotiate and parse by media type: the payloads they send or expect are no longer the
    declared ones.

    ## Example
    previous: response `application/problem+json`; current: `application/json`.

    ## Use instead
    Keep the previous media type and add the new one next to it.

    ## References
    - oasdiff: `response-media-type-name-generalized`
    The request case has no oasdiff id (oasdiff does not check renamed request media types).
    """
    d = change.detail
    w = change.where
    if d.get("parameters_changed"):
        return
    if w.section == m.RESPONSE_BODY and not d.get("specialized"):
        msg = (
            f"media type `{d['old']}` was changed to a more general media type `{d['new']}` "
            f"for the response status `{w.status}`"
        )
        yield found(change, msg, "response-media-type-name-generalized")
    elif w.section == m.REQUEST_BODY and d.get("specialized"):
        msg = f"request body media type `{d['old']}` was changed to a more specific media type `{d['new']}`"
        yield found(change, msg)
