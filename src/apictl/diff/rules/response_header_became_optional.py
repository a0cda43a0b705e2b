"""Breaking-change rule BRK145 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK145",
    name="response-header-became-optional",
    on=m.HEADER_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-header-became-optional",),
)
def response_header_became_optional(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a required response header that became optional.

    ## What it does
    Reports a required response header that became optional.

    ## Why is this bad?
    Clients assume it is always present and fail when it is missing.

    ## Example
    previous: `X-Request-Id: {required: true}`; current: `required: false`.

    ## Use instead
    Keep the header required.

    ## References
    - oasdiff: `response-header-became-optional`
    """
    if change.detail.get("field") == "required" and not change.detail.get("new"):
        yield found(
            change,
            f"the response header `{change.where.param_name}` became optional for the status `{change.where.status}`",
            "response-header-became-optional",
        )
