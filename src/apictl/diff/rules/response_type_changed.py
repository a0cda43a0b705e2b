"""Breaking-change rule BRK109 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_response, subject


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
    Reports a changed type or format of a response body or response property (narrowing `number` to
    `integer` is allowed).

    ## Why is this bad?
    Clients decode the response with the old type and fail, or misread the value.

    ## Example
    previous: `count: {type: integer}`; current: `count: {type: string}`.

    ## Use instead
    Add a new property with the new type and keep the old one.

    ## References
    - oasdiff: `response-body-type-changed`, `response-property-type-changed`
    """
    if not in_response(change):
        return
    d = change.detail
    if d["old_type"] == "number" and d["new_type"] == "integer" and d["old_format"] == d["new_format"]:
        return
    yield found(
        change,
        f"{subject(change)} changed its type/format from `{d['old_type']}`/`{d['old_format']}` "
        f"to `{d['new_type']}`/`{d['new_format']}`",
        check_id(change, "type-changed"),
    )
