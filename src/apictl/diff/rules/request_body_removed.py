"""Breaking-change rule BRK142 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK142",
    name="request-body-removed",
    on=m.REQUEST_BODY_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-removed",),
)
def request_body_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body that the operation no longer accepts.

    ## What it does
    Reports a request body that the operation no longer accepts.

    ## Why is this bad?
    Clients keep sending a body; the server may reject it or ignore what the client means.

    ## Example
    previous: `requestBody: {content: {application/json: …}}`; current: no request body.

    ## Use instead
    Keep accepting the body, or add a new operation.

    ## References
    - oasdiff: `request-body-removed`
    """
    if change.detail.get("change") == "removed":
        yield found(change, "removed the request body", "request-body-removed")
