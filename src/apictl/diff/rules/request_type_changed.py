"""Breaking-change rule BRK108 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, subject


@rule(
    code="BRK108",
    name="request-type-changed",
    on=m.TYPE_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-type-changed", "request-property-type-changed", "request-parameter-type-changed"),
)
def request_type_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a changed type or format of a request body, request property or parameter.

    ## What it does
    Reports a changed type or format of a request body, request property or parameter (widening
    `integer` to `number` is allowed).

    ## Why is this bad?
    Values that clients send were valid before and are rejected now (or are read differently).

    ## Example
    previous: `id: {type: integer}`; current: `id: {type: string, format: uuid}`.

    ## Use instead
    Add a new property or parameter with the new type; keep accepting the old one.

    ## References
    - oasdiff: `request-body-type-changed`, `request-property-type-changed`, `request-parameter-type-changed`
    """
    if not in_request(change):
        return
    d = change.detail
    if d["old_type"] == "integer" and d["new_type"] == "number" and d["old_format"] == d["new_format"]:
        return
    if not d["old_type"] and not d["old_format"]:
        return  # a schema without a type accepted anything; it still accepts what clients send
    yield found(
        change,
        f"{subject(change)} changed its type/format from `{d['old_type']}`/`{d['old_format']}` "
        f"to `{d['new_type']}`/`{d['new_format']}`",
        check_id(change, "type-changed"),
    )
