"""Breaking-change rule BRK148 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, fmt, found, keyword, side, subject


@rule(
    code="BRK148",
    name="response-const-changed",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "response-body-const-changed",
        "response-property-const-changed",
        "response-body-const-removed",
        "response-property-const-removed",
    ),
)
def response_const_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a response body or property whose `const` value was changed or removed.

    ## What it does
    Reports a response body or property whose `const` value was changed or removed.

    ## Why is this bad?
    Clients rely on the constant they always received (type discriminators, fixed markers); they now
    receive other values.

    ## Example
    previous: `kind: {const: cat}`; current: `kind: {const: dog}`.

    ## Use instead
    Keep returning the previous constant; add a new property.

    ## References
    - oasdiff: `response-body-const-changed`, `response-property-const-changed`,
      `response-body-const-removed`, `response-property-const-removed`
    """
    d = change.detail
    if side(change) != "response" or keyword(change) != "const" or not d.get("old_set"):
        return
    if d.get("new_set"):
        msg = f"const value changed from `{fmt(d['old'])}` to `{fmt(d['new'])}`"
        yield found(change, f"{subject(change)}: {msg}", check_id(change, "const-changed"))
    else:
        msg = f"const value `{fmt(d['old'])}` was removed"
        yield found(change, f"{subject(change)}: {msg}", check_id(change, "const-removed"))
