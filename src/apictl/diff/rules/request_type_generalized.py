"""Breaking-change rule BRK333 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, subject
from apictl.diff.rules._types import classify, quoted


@rule(
    code="BRK333",
    name="request-type-generalized",
    on=m.TYPE_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-body-type-generalized",
        "request-property-type-generalized",
        "request-parameter-type-generalized",
        "request-parameter-property-type-generalized",
    ),
)
def request_type_generalized(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body, property or parameter whose type or format now accepts more values.

    ## What it does
    Reports a type/format change in a request that keeps every value valid before: `integer` to
    `number`, a wider format (`int32` to `int64`, `date` to `date-time`), a removed `type`, or any
    type to `string` where the wire is text (parameters, form and text payloads).

    ## Why is this bad?
    Not breaking: what clients send is still accepted. Listed for the changelog; generated clients may
    change the type of a field.

    ## Example
    previous: `limit: {type: integer}` (query parameter); current: `limit: {type: string}`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-body-type-generalized`, `request-property-type-generalized`,
      `request-parameter-type-generalized`, `request-parameter-property-type-generalized`
    """
    if in_request(change) and classify(change) == "generalized":
        old, new = quoted(change)
        msg = f"{subject(change)}: the type/format was generalized from {old} to {new}"
        yield found(change, msg, check_id(change, "type-generalized"))
