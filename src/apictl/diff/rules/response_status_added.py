"""Breaking-change rule BRK306 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK306",
    name="response-status-added",
    on=m.RESPONSE_ADDED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("response-success-status-added", "response-non-success-status-added"),
)
def response_status_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a newly documented response status (not breaking).

    ## What it does
    Reports a newly documented response status (not breaking).

    ## Why is this bad?
    Nothing is wrong: it is listed for the changelog.

    ## Example
    previous: `responses: {200}`; current: `responses: {200, 404}`.

    ## Use instead
    Nothing to change.

    ## References
    - oasdiff: `response-success-status-added`, `response-non-success-status-added`
    """
    s = change.where.status
    kind = "success" if s.startswith("2") else "non-success"
    yield found(change, f"added the {kind} response with the status `{s}`", f"response-{kind}-status-added")
