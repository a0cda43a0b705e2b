"""Breaking-change rule BRK102 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK102",
    name="response-success-status-removed",
    on=m.RESPONSE_REMOVED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-success-status-removed",),
)
def response_success_status_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a success (2xx) response status that the operation no longer declares.

    ## What it does
    Reports a success (2xx) response status that the operation no longer declares.

    ## Why is this bad?
    Clients written for that status no longer get it; generated clients fail to decode the response they
    do get.

    ## Example
    previous: `responses: {200: …}`; current: `responses: {204: …}`.

    ## Use instead
    Keep the old status, or add a new operation (or version) for the new behaviour.

    ## References
    - oasdiff: `response-success-status-removed`
    """
    s = change.where.status
    if s.startswith("2"):
        yield found(change, f"removed the success response with the status `{s}`", "response-success-status-removed")
