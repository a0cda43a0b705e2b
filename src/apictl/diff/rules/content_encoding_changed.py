"""Breaking-change rule BRK151 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, fmt, found, keyword, side, subject


@rule(
    code="BRK151",
    name="content-encoding-changed",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-content-encoding-changed",
        "request-property-content-encoding-changed",
        "request-body-content-media-type-changed",
        "request-property-content-media-type-changed",
        "response-body-content-encoding-changed",
        "response-property-content-encoding-changed",
        "response-body-content-media-type-changed",
        "response-property-content-media-type-changed",
    ),
)
def content_encoding_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a changed `contentEncoding` or `contentMediaType` of a request or response body or property.

    ## What it does
    Reports a `contentEncoding` or `contentMediaType` that was set, changed or removed on a request or
    response body or property, in either direction.

    ## Why is this bad?
    The string's content must be encoded or decoded differently: both sides disagree on what the bytes
    mean.

    ## Example
    previous: `{type: string, contentEncoding: base64}`; current: `{type: string, contentEncoding:
    base32}`.

    ## Use instead
    Add a new property with the new encoding.

    ## References
    - oasdiff: `request-body-content-encoding-changed`, `request-property-content-encoding-changed`,
      `request-body-content-media-type-changed`, `request-property-content-media-type-changed`,
      `response-body-content-encoding-changed`, `response-property-content-encoding-changed`,
      `response-body-content-media-type-changed`, `response-property-content-media-type-changed`
    """
    d = change.detail
    kw = keyword(change)
    if not side(change) or kw not in ("contentEncoding", "contentMediaType"):
        return
    suffix = "content-encoding-changed" if kw == "contentEncoding" else "content-media-type-changed"
    msg = f"{subject(change)}: {kw} changed from `{fmt(d.get('old') or '')}` to `{fmt(d.get('new') or '')}`"
    yield found(change, msg, check_id(change, suffix))
