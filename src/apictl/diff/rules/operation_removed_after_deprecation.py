"""Breaking-change rule BRK339 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK339",
    name="operation-removed-after-deprecation",
    on=m.OPERATION_REMOVED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "api-removed-with-deprecation",
        "api-path-removed-with-deprecation",
    ),
)
def operation_removed_after_deprecation(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an operation removed after being deprecated without a sunset date.

    ## What it does
    Reports an operation (or a whole path) removed that was `deprecated: true` without an `x-sunset`
    date (BRK101 reports it instead when its option `allow_deprecated_without_sunset` is false).

    ## Why is this bad?
    Not breaking for clients that heeded the deprecation; listed for the changelog.

    ## Example
    previous: `get: {deprecated: true}`; current: the operation is gone.

    ## Use instead
    Nothing to do; announce a sunset date next time.

    ## References
    - oasdiff: `api-removed-with-deprecation`, `api-path-removed-with-deprecation`
    """
    d = change.detail
    if not (getattr(ctx, "policy", None) or {}).get("allow_deprecated_without_sunset", True):
        return  # BRK101 reports it as breaking
    if d.get("stability") in ("draft", "alpha") or not d.get("deprecated") or d.get("sunset") is not None:
        return
    whole = "api-path" if d.get("path_removed") else "api"
    yield found(change, "operation removed after its deprecation", f"{whole}-removed-with-deprecation")
