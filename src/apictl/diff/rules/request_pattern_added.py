"""Breaking-change rule BRK137 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_request, subject


@rule(
    code="BRK137",
    name="request-pattern-added",
    on=m.PATTERN_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-property-pattern-added", "request-parameter-pattern-added"),
)
def request_pattern_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a `pattern` added to a request property or parameter that had none.

    ## What it does
    Reports a `pattern` added to a request property or parameter that had none.

    ## Why is this bad?
    Free-form values that clients sent before are rejected unless they match.

    ## Example
    previous: `sha: {type: string}`; current: `sha: {type: string, pattern: ^[a-f0-9]{40}$}`.

    ## Use instead
    Keep the value free-form, or add a new validated field.

    ## References
    - oasdiff: `request-property-pattern-added`, `request-parameter-pattern-added`
    """
    d = change.detail
    if in_request(change) and d.get("old") is None and d.get("new") is not None:
        cid = (
            "request-parameter-pattern-added"
            if change.where.section == m.PARAMETER
            else "request-property-pattern-added"
        )
        yield found(change, f"added the pattern `{d['new']}` to {subject(change)}", cid)
