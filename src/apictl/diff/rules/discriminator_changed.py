"""Breaking-change rule BRK311 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, fmt, found, keyword, side, subject


@rule(
    code="BRK311",
    name="discriminator-changed",
    on=m.KEYWORD_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-body-discriminator-added",
        "request-property-discriminator-added",
        "request-body-discriminator-removed",
        "request-property-discriminator-removed",
        "request-body-discriminator-property-name-changed",
        "request-property-discriminator-property-name-changed",
        "request-body-discriminator-mapping-added",
        "request-property-discriminator-mapping-added",
        "request-body-discriminator-mapping-deleted",
        "request-property-discriminator-mapping-deleted",
        "request-body-discriminator-mapping-changed",
        "request-property-discriminator-mapping-changed",
        "response-body-discriminator-added",
        "response-property-discriminator-added",
        "response-body-discriminator-removed",
        "response-property-discriminator-removed",
        "response-body-discriminator-property-name-changed",
        "response-property-discriminator-property-name-changed",
        "response-body-discriminator-mapping-added",
        "response-property-discriminator-mapping-added",
        "response-body-discriminator-mapping-deleted",
        "response-property-discriminator-mapping-deleted",
        "response-body-discriminator-mapping-changed",
        "response-property-discriminator-mapping-changed",
    ),
)
def discriminator_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a discriminator added, removed or changed (property name, mapping) in a request or response schema.

    ## What it does
    Reports a `discriminator` added or removed, its `propertyName` changed, or `mapping` keys added,
    deleted or mapped elsewhere, in a request or response body or property.

    ## Why is this bad?
    Not breaking on the wire by itself, but generated clients dispatch on the discriminator: listed for
    the changelog.

    ## Example
    previous: `discriminator: {propertyName: kind}`; current: `discriminator: {propertyName: type}`.

    ## Use instead
    Keep discriminators stable once published.

    ## References
    - oasdiff: `request-body-discriminator-added`, `request-property-discriminator-added`,
      `request-body-discriminator-removed`, `request-property-discriminator-removed`,
      `request-body-discriminator-property-name-changed`,
      `request-property-discriminator-property-name-changed`,
      `request-body-discriminator-mapping-added`, `request-property-discriminator-mapping-added`,
      `request-body-discriminator-mapping-deleted`, `request-property-discriminator-mapping-deleted`,
      `request-body-discriminator-mapping-changed`, `request-property-discriminator-mapping-changed`,
      `response-body-discriminator-added`, `response-property-discriminator-added`,
      `response-body-discriminator-removed`, `response-property-discriminator-removed`,
      `response-body-discriminator-property-name-changed`,
      `response-property-discriminator-property-name-changed`,
      `response-body-discriminator-mapping-added`, `response-property-discriminator-mapping-added`,
      `response-body-discriminator-mapping-deleted`, `response-property-discriminator-mapping-deleted`,
      `response-body-discriminator-mapping-changed`, `response-property-discriminator-mapping-changed`
    """
    d = change.detail
    kw = keyword(change)
    if not side(change) or not kw.startswith("discriminator"):
        return
    s = subject(change)
    if kw == "discriminator":
        if d.get("new_set"):
            yield found(change, f"added discriminator to {s}", check_id(change, "discriminator-added"))
        else:
            yield found(change, f"removed discriminator from {s}", check_id(change, "discriminator-removed"))
    elif kw == "discriminator/propertyName":
        msg = f"discriminator property name of {s} changed from `{fmt(d['old'])}` to `{fmt(d['new'])}`"
        yield found(change, msg, check_id(change, "discriminator-property-name-changed"))
    elif not d.get("old_set"):
        msg = f"added the discriminator mapping key `{d.get('key')}` to {s}"
        yield found(change, msg, check_id(change, "discriminator-mapping-added"))
    elif not d.get("new_set"):
        msg = f"removed the discriminator mapping key `{d.get('key')}` from {s}"
        yield found(change, msg, check_id(change, "discriminator-mapping-deleted"))
    else:
        msg = f"discriminator mapping key `{d.get('key')}` of {s} changed from `{fmt(d['old'])}` to `{fmt(d['new'])}`"
        yield found(change, msg, check_id(change, "discriminator-mapping-changed"))
