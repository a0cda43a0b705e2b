"""Breaking-change rule BRK336 (docs)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, decreased, increased, limit_rule, read_only_request_property

_CHECK = limit_rule(
    read_only_request_property,
    Limit("maximum", "max-decreased", decreased),
    Limit("maxLength", "max-length-decreased", decreased),
    Limit("minimum", "min-increased", increased),
    Limit("exclusiveMaximum", "exclusive-max-decreased", decreased),
    Limit("exclusiveMinimum", "exclusive-min-increased", increased),
    prefix="request-read-only-property",
)


@rule(
    code="BRK336",
    name="request-read-only-property-narrowed",
    on=m.LIMIT_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-read-only-property-max-decreased",
        "request-read-only-property-max-length-decreased",
        "request-read-only-property-min-increased",
        "request-read-only-property-exclusive-max-decreased",
        "request-read-only-property-exclusive-min-increased",
    ),
)
def request_read_only_property_narrowed(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a narrowed limit of a `readOnly` request property (not breaking: clients do not send it).

    ## What it does
    Reports a `maximum`, `maxLength` or `exclusiveMaximum` that decreased, or a `minimum` or
    `exclusiveMinimum` that increased, on a `readOnly` property of a request body: clients do not send
    it, so the narrowing (an error for other request properties) is only listed.

    ## Why is this bad?
    Not breaking: listed for the changelog.

    ## Example
    previous: `id: {type: integer, readOnly: true, maximum: 100}`; current: `maximum: 50`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-read-only-property-max-decreased`,
      `request-read-only-property-max-length-decreased`, `request-read-only-property-min-increased`,
      `request-read-only-property-exclusive-max-decreased`,
      `request-read-only-property-exclusive-min-increased`
    """
    return _CHECK(change, ctx)
