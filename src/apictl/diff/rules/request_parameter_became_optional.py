"""Breaking-change rule BRK307 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK307",
    name="request-parameter-became-optional",
    on=m.PARAMETER_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("request-parameter-became-optional",),
)
def request_parameter_became_optional(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a required request parameter that became optional (not breaking).

    ## What it does
    Reports a required request parameter that became optional (not breaking).

    ## Why is this bad?
    Nothing is wrong: it is listed for the changelog.

    ## Example
    previous: `required: true`; current: `required: false`.

    ## Use instead
    Nothing to change.

    ## References
    - oasdiff: `request-parameter-became-optional`
    """
    w = change.where
    if change.detail.get("field") == "required" and not change.detail.get("new"):
        yield found(
            change,
            f"the `{w.param_in}` request parameter `{w.param_name}` became optional",
            "request-parameter-became-optional",
        )
