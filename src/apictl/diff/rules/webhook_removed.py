"""Breaking-change rule BRK165 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK165",
    name="webhook-removed",
    on=m.DOCUMENT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("webhook-removed",),
)
def webhook_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a webhook that is no longer declared.

    ## What it does
    Reports a webhook (OpenAPI 3.1 `webhooks`) that is no longer declared.

    ## Why is this bad?
    Consumers that registered for it stop receiving calls.

    ## Example
    previous: `webhooks: {newPet: …}`; current: the webhook is gone.

    ## Use instead
    Deprecate the webhook first and keep sending it.

    ## References
    - oasdiff: `webhook-removed`
    """
    d = change.detail
    if d.get("field") == "webhooks" and change.new is None:
        yield found(change, f"webhook `{d.get('name')}` removed", "webhook-removed")
