"""Breaking-change rule BRK324 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK324",
    name="operation-tags-changed",
    on=m.OPERATION_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("api-tag-added", "api-tag-removed"),
)
def operation_tags_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports tags added to or removed from an operation.

    ## What it does
    Reports tags added to or removed from an operation.

    ## Why is this bad?
    Not breaking on the wire; generated clients that group operations by tag move them to another class.
    Listed for the changelog.

    ## Example
    previous: `tags: [pets]`; current: `tags: [animals]`.

    ## Use instead
    Keep tags stable if SDKs are generated from them.

    ## References
    - oasdiff: `api-tag-added`, `api-tag-removed`
    """
    d = change.detail
    if d.get("field") != "tags":
        return
    old = [t for t in d.get("old") or () if isinstance(t, str)]
    new = [t for t in d.get("new") or () if isinstance(t, str)]
    for t in new:
        if t not in old:
            yield found(change, f"api tag `{t}` added", "api-tag-added")
    for t in old:
        if t not in new:
            yield found(change, f"api tag `{t}` removed", "api-tag-removed")
