"""Breaking-change rule BRK162 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, fmt, found, keyword


@rule(
    code="BRK162",
    name="request-parameter-default-value-changed",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-parameter-default-value-added",
        "request-parameter-default-value-changed",
        "request-parameter-default-value-removed",
    ),
)
def request_parameter_default_value_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request parameter whose `default` value was set, changed or removed.

    ## What it does
    Reports a request parameter whose `default` value was set, changed or removed.

    ## Why is this bad?
    Clients that omit the parameter relied on the server using the previous default; the server now
    behaves differently for the same request.

    ## Example
    previous: `limit: {default: 10}`; current: `limit: {default: 20}`.

    ## Use instead
    Keep the default; add a new parameter for new behaviour.

    ## References
    - oasdiff: `request-parameter-default-value-added`, `request-parameter-default-value-changed`,
      `request-parameter-default-value-removed`
    """
    d = change.detail
    w = change.where
    if keyword(change) != "default" or w.section != m.PARAMETER or change.path:
        return
    prefix = f"for the `{w.param_in}` request parameter `{w.param_name}`, default value"
    if d.get("old_set") and d.get("new_set"):
        msg = f"{prefix} was changed from `{fmt(d['old'])}` to `{fmt(d['new'])}`"
        yield found(change, msg, "request-parameter-default-value-changed")
    elif d.get("new_set"):
        yield found(change, f"{prefix} `{fmt(d['new'])}` was set", "request-parameter-default-value-added")
    else:
        yield found(change, f"{prefix} `{fmt(d['old'])}` was removed", "request-parameter-default-value-removed")
