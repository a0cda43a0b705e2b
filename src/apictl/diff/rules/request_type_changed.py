"""Breaking-change rule BRK108 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, subject
from apictl.diff.rules._types import classify, quoted


@rule(
    code="BRK108",
    name="request-type-changed",
    on=m.TYPE_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-type-changed",
        "request-property-type-changed",
        "request-parameter-type-changed",
        "request-parameter-property-type-specialized",
        "request-parameter-property-type-changed",
    ),
)
def request_type_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a changed type or format of a request body, request property or parameter.

    ## What it does
    Reports a changed type or format of a request body, request property or parameter that rejects
    values valid before. Generalizations are not breaking (BRK333): `integer` to `number`, a wider
    format (`int32` to `int64`, `date` to `date-time`), a removed `type`, or any type to `string`
    where the wire is text (parameters, form and text payloads; JSON bodies tell `1` from `"1"`).
    For a property of an object parameter, whose serialization (JSON or not) is unknown, a change
    that breaks only the JSON reading is a warning (`request-parameter-property-type-changed`).

    ## Why is this bad?
    Values that clients send were valid before and are rejected now (or are read differently).

    ## Example
    previous: `id: {type: integer}`; current: `id: {type: string, format: uuid}`.

    ## Use instead
    Add a new property or parameter with the new type; keep accepting the old one.

    ## References
    - oasdiff: `request-body-type-changed`, `request-property-type-changed`, `request-parameter-type-changed`,
      `request-parameter-property-type-specialized`, `request-parameter-property-type-changed`
    """
    if not in_request(change):
        return
    verdict = classify(change)
    if verdict not in ("changed", "specialized", "uncertain"):
        return
    old, new = quoted(change)
    if verdict == "changed":
        msg = f"{subject(change)} changed its type/format from {old} to {new}"
        yield found(change, msg, check_id(change, "type-changed"))
        return
    msg = f"{subject(change)} changed its type/format from {old} to {new}"
    if verdict == "uncertain":
        msg += " (breaking if the parameter is sent as JSON)"
        yield found(change, msg, "request-parameter-property-type-changed", severity="warn")
    else:
        yield found(change, msg, "request-parameter-property-type-specialized")
