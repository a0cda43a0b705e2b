"""Breaking-change rule BRK136 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_request, subject


@rule(
    code="BRK136",
    name="request-pattern-changed",
    on=m.PATTERN_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-property-pattern-changed", "request-parameter-pattern-changed"),
)
def request_pattern_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a changed `pattern` of a request property or parameter.

    ## What it does
    Reports a changed `pattern` of a request property or parameter (a change to the catch-all `.*` is
    a generalization, BRK322).

    ## Why is this bad?
    Values that matched the old pattern may not match the new one and are rejected.

    ## Example
    previous: `pattern: ^[a-f0-9]+$`; current: `pattern: ^[a-f0-9]{40}$`.

    ## Use instead
    Only widen patterns; validate stricter formats in a new field.

    ## References
    - oasdiff: `request-property-pattern-changed`, `request-parameter-pattern-changed`
    """
    d = change.detail
    if in_request(change) and d.get("old") is not None and d.get("new") is not None and d["new"] != ".*":
        cid = (
            "request-parameter-pattern-changed"
            if change.where.section == m.PARAMETER
            else "request-property-pattern-changed"
        )
        yield found(change, f"changed the pattern of {subject(change)} from `{d['old']}` to `{d['new']}`", cid)
