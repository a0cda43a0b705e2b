"""Breaking-change rule BRK160 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, fmt, found, keyword, subject


@rule(
    code="BRK160",
    name="request-extensible-enum-value-removed",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-property-x-extensible-enum-value-removed", "request-parameter-x-extensible-enum-value-removed"),
)
def request_extensible_enum_value_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a value removed from the `x-extensible-enum` of a request property or parameter.

    ## What it does
    Reports a value removed from the `x-extensible-enum` of a request property or parameter.

    ## Why is this bad?
    Clients that send the removed value get errors.

    ## Example
    previous: `x-extensible-enum: [cat, dog]`; current: `x-extensible-enum: [cat]`.

    ## Use instead
    Keep accepting every listed value.

    ## References
    - oasdiff: `request-property-x-extensible-enum-value-removed`,
      `request-parameter-x-extensible-enum-value-removed`
    """
    d = change.detail
    w = change.where
    if keyword(change) != "x-extensible-enum" or not d.get("old_set"):
        return
    if w.section == m.PARAMETER and not change.path:
        cid = "request-parameter-x-extensible-enum-value-removed"
    elif w.section == m.REQUEST_BODY and change.path:
        cid = "request-property-x-extensible-enum-value-removed"
    else:
        return
    old: list[Any] = d["old"] if isinstance(d.get("old"), list) else []
    new: list[Any] = d["new"] if isinstance(d.get("new"), list) else []
    for v in old:
        if v not in new:
            yield found(change, f"removed the x-extensible-enum value `{fmt(v)}` from {subject(change)}", cid)
