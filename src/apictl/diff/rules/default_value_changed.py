"""Breaking-change rule BRK310 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, fmt, found, keyword, side, subject


@rule(
    code="BRK310",
    name="default-value-changed",
    on=m.KEYWORD_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-body-default-value-added",
        "request-property-default-value-added",
        "request-body-default-value-changed",
        "request-property-default-value-changed",
        "request-body-default-value-removed",
        "request-property-default-value-removed",
        "response-body-default-value-added",
        "response-property-default-value-added",
        "response-body-default-value-changed",
        "response-property-default-value-changed",
        "response-body-default-value-removed",
        "response-property-default-value-removed",
    ),
)
def default_value_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a `default` value set, changed or removed in a request or response body or property.

    ## What it does
    Reports a `default` value set, changed or removed in a request or response body or property.
    (Parameters: BRK162.)

    ## Why is this bad?
    Not breaking by itself, but clients that omit the property get a different value: worth a changelog
    line.

    ## Example
    previous: `size: {default: 10}`; current: `size: {default: 20}`.

    ## Use instead
    Keep defaults stable where clients depend on them.

    ## References
    - oasdiff: `request-body-default-value-added`, `request-property-default-value-added`,
      `request-body-default-value-changed`, `request-property-default-value-changed`,
      `request-body-default-value-removed`, `request-property-default-value-removed`,
      `response-body-default-value-added`, `response-property-default-value-added`,
      `response-body-default-value-changed`, `response-property-default-value-changed`,
      `response-body-default-value-removed`, `response-property-default-value-removed`
    """
    d = change.detail
    if not side(change) or keyword(change) != "default":
        return
    if d.get("old_set") and d.get("new_set"):
        msg = f"{subject(change)}: default value changed from `{fmt(d['old'])}` to `{fmt(d['new'])}`"
        yield found(change, msg, check_id(change, "default-value-changed"))
    elif d.get("new_set"):
        yield found(
            change,
            f"{subject(change)}: default value `{fmt(d['new'])}` was set",
            check_id(change, "default-value-added"),
        )
    else:
        msg = f"{subject(change)}: default value `{fmt(d['old'])}` was removed"
        yield found(change, msg, check_id(change, "default-value-removed"))
