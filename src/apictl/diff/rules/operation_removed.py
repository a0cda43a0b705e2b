"""Breaking-change rule BRK101 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, sunset_date


@rule(
    code="BRK101",
    name="operation-removed",
    on=m.OPERATION_REMOVED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "api-path-removed-without-deprecation",
        "api-removed-without-deprecation",
        "api-path-removed-before-sunset",
        "api-removed-before-sunset",
        "api-path-sunset-parse",
    ),
    options={"allow_after_sunset": True, "allow_deprecated_without_sunset": True},
)
def operation_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an operation that is gone from the new version, unless it was deprecated in time.

    ## What it does
    Reports an operation that is gone from the new version, unless it was deprecated with an `x-sunset`
    date that has passed (or its `x-stability-level` is `draft` or `alpha`).

    ## Why is this bad?
    Clients still calling the operation get 404 or 405 errors. Deprecate it first, announce a sunset
    date, and remove it after that date.

    ## Example
    previous: `DELETE /pets/{id}` exists, not deprecated; current: it is gone.

    ## Use instead
    Mark the operation `deprecated: true` with `x-sunset: 2025-12-31` and remove it after that date.
    Options: `allow_after_sunset` (default true), `allow_deprecated_without_sunset` (default true).

    ## References
    - oasdiff: `api-path-removed-without-deprecation`, `api-removed-without-deprecation`,
    `api-path-removed-before-sunset`, `api-removed-before-sunset`, `api-path-sunset-parse` (a sunset date
    that is not a date); removal after a deprecation without sunset date is BRK339
    """
    d = change.detail
    if d.get("stability") in ("draft", "alpha"):
        return
    whole = "api-path" if d.get("path_removed") else "api"
    if not d.get("deprecated"):
        yield found(change, "operation removed without deprecation", f"{whole}-removed-without-deprecation")
        return
    sunset = sunset_date(d.get("sunset"))
    if d.get("sunset") is None:
        if not ctx.options.get("allow_deprecated_without_sunset", True):
            yield found(
                change, "operation removed, but deprecated without a sunset date", f"{whole}-removed-before-sunset"
            )
        return  # else BRK339
    if sunset is None:
        yield found(
            change, f"operation removed, but its sunset date `{d['sunset']}` is not a date", "api-path-sunset-parse"
        )
        return
    if sunset <= ctx.today and ctx.options.get("allow_after_sunset", True):
        return
    yield found(
        change, f"operation removed before its sunset date {sunset.isoformat()}", f"{whole}-removed-before-sunset"
    )
