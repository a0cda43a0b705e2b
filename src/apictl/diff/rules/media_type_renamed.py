"""Breaking-change rule BRK338 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK338",
    name="media-type-renamed",
    on=m.MEDIA_TYPE_RENAMED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "response-media-type-name-changed",
        "response-media-type-name-specialized",
    ),
)
def media_type_renamed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a media type renamed compatibly, or whose parameters changed.

    ## What it does
    Reports a media type whose name changed to a related one without breaking clients: a response media
    type that became more specific (`application/json` to `application/problem+json`), a request one
    that became more general, or any media type whose parameters changed (`text/xml` to `text/xml;
    charset=utf-8`).

    ## Why is this bad?
    Not breaking by itself; listed for the changelog (check that clients match media types loosely).

    ## Example
    previous: response `application/json`; current: `application/problem+json`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `response-media-type-name-changed`, `response-media-type-name-specialized`
    Request renames have no oasdiff id.
    """
    d = change.detail
    w = change.where
    if w.section == m.RESPONSE_BODY:
        where = f" for the response status `{w.status}`"
        if d.get("parameters_changed"):
            yield found(
                change,
                f"media type `{d['old']}` was changed to `{d['new']}`{where}",
                "response-media-type-name-changed",
            )
        elif d.get("specialized"):
            msg = f"media type `{d['old']}` was changed to a more specific media type `{d['new']}`{where}"
            yield found(change, msg, "response-media-type-name-specialized")
    elif w.section == m.REQUEST_BODY and (d.get("parameters_changed") or not d.get("specialized")):
        yield found(change, f"request body media type `{d['old']}` was changed to `{d['new']}`")
