"""Breaking-change rule BRK340 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK340",
    name="request-parameter-removed-after-deprecation",
    on=m.PARAMETER_REMOVED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("request-parameter-removed-with-deprecation",),
)
def request_parameter_removed_after_deprecation(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request parameter removed after being deprecated without a sunset date.

    ## What it does
    Reports a request parameter removed that was `deprecated: true` without an `x-sunset` date.

    ## Why is this bad?
    Not breaking for clients that heeded the deprecation; listed for the changelog.

    ## Example
    previous: `{name: sort, in: query, deprecated: true}`; current: the parameter is gone.

    ## Use instead
    Nothing to do; announce a sunset date next time.

    ## References
    - oasdiff: `request-parameter-removed-with-deprecation`
    """
    d = change.detail
    w = change.where
    if d.get("deprecated") and d.get("sunset") is None:
        yield found(
            change,
            f"deleted the `{w.param_in}` request parameter `{w.param_name}` with deprecation",
            "request-parameter-removed-with-deprecation",
        )
