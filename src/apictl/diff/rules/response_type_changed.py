"""Breaking-change rule BRK109 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_response, subject
from apictl.diff.rules._types import classify, quoted


@rule(
    code="BRK109",
    name="response-type-changed",
    on=m.TYPE_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-type-changed", "response-property-type-changed"),
)
def response_type_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a changed type or format of a response body or response property.

    ## What it does
    Reports a changed type or format of a response body or response property that can return values
    clients did not expect. Narrowing is allowed: `number` to `integer`, a narrower format (`int64`
    to `int32`), or, in a text (non-JSON) payload, `string` to any type.

    ## Why is this bad?
    Clients decode the response with the old type and fail, or misread the value.

    ## Example
    previous: `count: {type: integer}`; current: `count: {type: string}`.

    ## Use instead
    Add a new property with the new type and keep the old one.

    ## References
    - oasdiff: `response-body-type-changed`, `response-property-type-changed`
    """
    if not in_response(change) or classify(change) != "changed":
        return
    old, new = quoted(change)
    yield found(
        change, f"{subject(change)} changed its type/format from {old} to {new}", check_id(change, "type-changed")
    )
