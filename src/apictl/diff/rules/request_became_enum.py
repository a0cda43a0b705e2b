"""Breaking-change rule BRK120 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, subject


@rule(
    code="BRK120",
    name="request-became-enum",
    on=m.ENUM_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-became-enum",
        "request-property-became-enum",
        "request-parameter-became-enum",
        "request-header-property-became-enum",
    ),
)
def request_became_enum(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body, property or parameter that was free-form and is now restricted to an enum.

    ## What it does
    Reports a request body, property or parameter that was free-form and is now restricted to an enum.

    ## Why is this bad?
    Values clients sent before are rejected unless they happen to be in the list.

    ## Example
    previous: `color: {type: string}`; current: `color: {type: string, enum: [red, green]}`.

    ## Use instead
    Keep accepting any value, or add a new restricted property.

    ## References
    - oasdiff: `request-body-became-enum`, `request-property-became-enum`, `request-parameter-became-enum`,
      `request-header-property-became-enum` (a property of an object header parameter)
    """
    d = change.detail
    if in_request(change) and not d.get("old_enum") and d.get("new_enum"):
        yield found(
            change,
            f"{subject(change)} was restricted to a list of enum values",
            "request-header-property-became-enum"
            if change.where.param_in == "header" and change.path
            else check_id(change, "became-enum"),
        )
