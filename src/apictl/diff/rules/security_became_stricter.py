"""Breaking-change rule BRK146 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK146",
    name="security-became-stricter",
    on=m.OPERATION_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("api-security-added", "api-security-removed"),
)
def security_became_stricter(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an operation whose security became stricter.

    ## What it does
    Reports an operation whose security became stricter: it was public and now needs credentials, or an
    accepted way to authenticate was removed.

    ## Why is this bad?
    Clients that called it anonymously, or with the removed scheme, get 401/403 errors.

    ## Example
    previous: `security: [{api_key: []}, {oauth: []}]`; current: `security: [{oauth: []}]`.

    ## Use instead
    Keep accepting the previous schemes while clients migrate.

    ## References
    - oasdiff: `api-security-added`, `api-security-removed`
    """
    d = change.detail
    if d.get("field") != "security":
        return
    removed = [r or "anonymous access" for r in d.get("removed", ())]
    if removed:
        yield found(change, f"removed the security requirement `{', '.join(removed)}`", "api-security-removed")
    elif d.get("old_public") and d.get("added"):
        yield found(
            change,
            f"added the security requirement `{', '.join(d['added'])}` to a public operation",
            "api-security-added",
        )
