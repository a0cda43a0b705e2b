"""Breaking-change rule BRK316 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK316",
    name="request-body-became-optional",
    on=m.REQUEST_BODY_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("request-body-became-optional", "request-body-added-optional"),
)
def request_body_became_optional(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body that became optional, or an optional request body that was added.

    ## What it does
    Reports a request body that became optional, or an optional request body added to an operation.

    ## Why is this bad?
    Not breaking: clients that send a body still may. Listed for the changelog.

    ## Example
    previous: `requestBody: {required: true, …}`; current: `requestBody: {required: false, …}`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-body-became-optional`, `request-body-added-optional`
    """
    d = change.detail
    if d.get("change") == "became-optional":
        yield found(change, "request body became optional", "request-body-became-optional")
    elif d.get("change") == "added" and not d.get("required"):
        yield found(change, "added an optional request body", "request-body-added-optional")
