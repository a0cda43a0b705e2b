"""Breaking-change rule BRK106 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK106",
    name="request-parameter-removed",
    on=m.PARAMETER_REMOVED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-parameter-removed",),
)
def request_parameter_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request parameter that the operation no longer declares.

    ## What it does
    Reports a request parameter that the operation no longer declares.

    ## Why is this bad?
    Clients keep sending it; the server may now reject it or silently ignore a value the client relies
    on.

    ## Example
    previous: `{name: sort, in: query}`; current: the parameter is gone.

    ## Use instead
    Deprecate the parameter first and keep accepting it.

    ## References
    - oasdiff: `request-parameter-removed`
    """
    w = change.where
    yield found(change, f"deleted the `{w.param_in}` request parameter `{w.param_name}`", "request-parameter-removed")
