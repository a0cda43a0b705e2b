"""Breaking-change rule BRK323 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK323",
    name="operation-id-added",
    on=m.OPERATION_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("api-operation-id-added",),
)
def operation_id_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an operationId given to an operation that had none.

    ## What it does
    Reports an `operationId` given to an operation that had none.

    ## Why is this bad?
    Not breaking: generated clients get a better method name. Listed for the changelog.

    ## Example
    previous: no `operationId`; current: `operationId: listPets`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `api-operation-id-added`
    """
    d = change.detail
    if d.get("field") == "operationId" and d.get("old") is None and d.get("new") is not None:
        yield found(change, f"added the operationId `{d['new']}`", "api-operation-id-added")
