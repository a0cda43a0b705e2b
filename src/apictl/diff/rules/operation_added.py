"""Breaking-change rule BRK301 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK301",
    name="operation-added",
    on=m.OPERATION_ADDED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("endpoint-added",),
)
def operation_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a new operation (for the changelog; not breaking).

    ## What it does
    Reports a new operation (for the changelog; not breaking).

    ## Why is this bad?
    Nothing is wrong: new operations are listed so the changelog is complete.

    ## Example
    previous: no `POST /pets`; current: `POST /pets`.

    ## Use instead
    Nothing to change.

    ## References
    - oasdiff: `endpoint-added`
    """
    yield found(change, "endpoint added", "endpoint-added")
