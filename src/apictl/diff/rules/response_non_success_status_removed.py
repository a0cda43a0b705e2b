"""Breaking-change rule BRK317 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK317",
    name="response-non-success-status-removed",
    on=m.RESPONSE_REMOVED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("response-non-success-status-removed",),
)
def response_non_success_status_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a non-success (not 2xx) response status that the operation no longer declares.

    ## What it does
    Reports a non-success (not 2xx) response status that the operation no longer declares. (Success
    statuses: BRK102.)

    ## Why is this bad?
    Not breaking by itself: clients handle errors generically. Listed for the changelog.

    ## Example
    previous: `responses: {200: …, 404: …}`; current: `responses: {200: …}`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `response-non-success-status-removed`
    """
    status = change.where.status
    if not status.startswith("2"):
        yield found(
            change,
            f"removed the non-success response with the status `{status}`",
            "response-non-success-status-removed",
        )
