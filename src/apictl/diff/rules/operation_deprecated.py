"""Breaking-change rule BRK302 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK302",
    name="operation-deprecated",
    on=m.OPERATION_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("endpoint-deprecated", "endpoint-reactivated"),
)
def operation_deprecated(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an operation that became deprecated (or was reactivated).

    ## What it does
    Reports an operation that became deprecated (or was reactivated).

    ## Why is this bad?
    Not breaking: users should learn about deprecations early, from the changelog.

    ## Example
    previous: `deprecated: false`; current: `deprecated: true`.

    ## Use instead
    Add an `x-sunset` date so clients know when the operation goes away.

    ## References
    - oasdiff: `endpoint-deprecated`, `endpoint-reactivated`
    """
    d = change.detail
    if d.get("field") == "deprecated":
        yield found(
            change,
            "endpoint deprecated" if d.get("new") else "endpoint reactivated",
            "endpoint-deprecated" if d.get("new") else "endpoint-reactivated",
        )
