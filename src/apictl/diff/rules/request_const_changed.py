"""Breaking-change rule BRK147 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, fmt, found, keyword, side, subject


@rule(
    code="BRK147",
    name="request-const-changed",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-const-added",
        "request-property-const-added",
        "request-body-const-changed",
        "request-property-const-changed",
    ),
)
def request_const_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body or property whose `const` value was set or changed.

    ## What it does
    Reports a request body or property whose `const` value was set (it had none) or changed.

    ## Why is this bad?
    Clients send the values the previous version allowed; only the new constant is accepted now.

    ## Example
    previous: `kind: {type: string}`; current: `kind: {type: string, const: cat}`.

    ## Use instead
    Keep accepting the previous values; add a new property for the new constant.

    ## References
    - oasdiff: `request-body-const-added`, `request-property-const-added`, `request-body-const-changed`,
      `request-property-const-changed`
    """
    d = change.detail
    if side(change) != "request" or keyword(change) != "const" or not d.get("new_set"):
        return
    if d.get("old_set"):
        msg = f"const value changed from `{fmt(d['old'])}` to `{fmt(d['new'])}`"
        yield found(change, f"{subject(change)}: {msg}", check_id(change, "const-changed"))
    else:
        yield found(
            change, f"{subject(change)}: const value `{fmt(d['new'])}` was set", check_id(change, "const-added")
        )
