"""Breaking-change rule BRK141 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK141",
    name="request-body-became-required",
    on=m.REQUEST_BODY_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-became-required", "request-body-added-required"),
)
def request_body_became_required(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body that became required, or a new required request body.

    ## What it does
    Reports a request body that became required, or a new required request body.

    ## Why is this bad?
    Clients that sent no body are now rejected.

    ## Example
    previous: no `requestBody` (or `required: false`); current: `requestBody: {required: true, …}`.

    ## Use instead
    Keep the body optional.

    ## References
    - oasdiff: `request-body-became-required`, `request-body-added-required`
    """
    d = change.detail
    if d.get("change") == "became-required":
        yield found(change, "the request body became required", "request-body-became-required")
    elif d.get("change") == "added" and d.get("required"):
        yield found(change, "added a required request body", "request-body-added-required")
