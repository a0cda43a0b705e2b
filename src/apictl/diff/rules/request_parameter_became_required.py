"""Breaking-change rule BRK107 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK107",
    name="request-parameter-became-required",
    on=m.PARAMETER_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-parameter-became-required",),
)
def request_parameter_became_required(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an optional request parameter that became required.

    ## What it does
    Reports an optional request parameter that became required.

    ## Why is this bad?
    Clients that did not send it now get errors.

    ## Example
    previous: `{name: limit, in: query, required: false}`; current: `required: true`.

    ## Use instead
    Keep the parameter optional and default it on the server.

    ## References
    - oasdiff: `request-parameter-became-required`
    """
    w = change.where
    if change.detail.get("field") == "required" and change.detail.get("new"):
        yield found(
            change,
            f"the `{w.param_in}` request parameter `{w.param_name}` became required",
            "request-parameter-became-required",
        )
