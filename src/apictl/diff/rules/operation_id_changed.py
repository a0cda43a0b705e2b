"""Breaking-change rule BRK201 (sdk)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK201",
    name="operation-id-changed",
    on=m.OPERATION_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="sdk",
    kind="breaking",
    oasdiff=("api-operation-id-removed",),
)
def operation_id_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a changed or removed `operationId`.

    ## What it does
    Reports a changed or removed `operationId`.

    ## Why is this bad?
    Generated clients name methods after operationIds: the method users call disappears. The wire format
    is unchanged.

    ## Example
    previous: `operationId: listPets`; current: `operationId: getPets`.

    ## Use instead
    Keep operationIds stable once published.

    ## References
    - oasdiff: `api-operation-id-removed`, which oasdiff 1.15 reports for a removed and for a changed
      operationId alike, as info. apictl rates both as sdk warnings (generated clients break); oasdiff
      has no separate id for a changed operationId.
    """
    d = change.detail
    if d.get("field") != "operationId" or d.get("old") is None:
        return
    if d.get("new") is None:
        yield found(change, f"removed the operationId `{d['old']}`", "api-operation-id-removed")
    else:
        msg = f"changed the operationId from `{d['old']}` to `{d['new']}`"
        yield found(change, msg, "api-operation-id-removed")
