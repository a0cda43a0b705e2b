"""Breaking-change rule BRK144 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK144",
    name="optional-response-header-removed",
    on=m.HEADER_REMOVED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("optional-response-header-removed",),
)
def optional_response_header_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an optional response header that is no longer documented.

    ## What it does
    Reports an optional response header that is no longer documented.

    ## Why is this bad?
    Clients that read it lose the information silently.

    ## Example
    previous: `headers: {Link: {…}}`; current: the header is gone.

    ## Use instead
    Keep sending the header; deprecate it first.

    ## References
    - oasdiff: `optional-response-header-removed`
    """
    if not change.detail.get("required"):
        yield found(
            change,
            f"the optional response header `{change.where.param_name}` was removed "
            f"for the status `{change.where.status}`",
            "optional-response-header-removed",
        )
