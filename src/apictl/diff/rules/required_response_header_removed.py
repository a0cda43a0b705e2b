"""Breaking-change rule BRK143 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK143",
    name="required-response-header-removed",
    on=m.HEADER_REMOVED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("required-response-header-removed",),
)
def required_response_header_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a required response header that is no longer returned.

    ## What it does
    Reports a required response header that is no longer returned.

    ## Why is this bad?
    Clients that read it (rate limits, pagination links, ETags) break.

    ## Example
    previous: `headers: {X-Rate-Limit: {required: true}}`; current: the header is gone.

    ## Use instead
    Keep sending the header.

    ## References
    - oasdiff: `required-response-header-removed`
    """
    if change.detail.get("required"):
        yield found(
            change,
            f"the required response header `{change.where.param_name}` was removed "
            f"for the status `{change.where.status}`",
            "required-response-header-removed",
        )
