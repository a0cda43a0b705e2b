"""Breaking-change rule BRK329 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK329",
    name="webhook-added",
    on=m.DOCUMENT_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("webhook-added",),
)
def webhook_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a webhook that was added.

    ## What it does
    Reports a webhook (OpenAPI 3.1 `webhooks`) that was added.

    ## Why is this bad?
    Not breaking; listed for the changelog.

    ## Example
    previous: no `newPet` webhook; current: `webhooks: {newPet: …}`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `webhook-added`
    """
    d = change.detail
    if d.get("field") == "webhooks" and change.old is None:
        yield found(change, f"webhook `{d.get('name')}` added", "webhook-added")
