"""Breaking-change rule BRK326 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, scope_changes


@rule(
    code="BRK326",
    name="global-security-changed",
    on=m.DOCUMENT_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "api-global-security-added",
        "api-global-security-removed",
        "api-global-security-scope-added",
        "api-global-security-scope-removed",
    ),
)
def global_security_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports security requirements or scopes added to or removed from the document's global `security`.

    ## What it does
    Reports security requirements, or scopes of a requirement, added to or removed from the document's
    global `security`. (The effect on each operation is reported by BRK146 and BRK325.)

    ## Why is this bad?
    Listed for the changelog: every operation without its own `security` is affected.

    ## Example
    previous: `security: [{api_key: []}]`; current: `security: [{api_key: []}, {oauth: [read]}]`.

    ## Use instead
    Review the operations that inherit the global security.

    ## References
    - oasdiff: `api-global-security-added`, `api-global-security-removed`,
      `api-global-security-scope-added`, `api-global-security-scope-removed`
    """
    d = change.detail
    if d.get("field") != "security":
        return
    old, new = d.get("old") or {}, d.get("new") or {}
    for name in new:
        if name not in old:
            yield found(
                change,
                f"security scheme `{name or 'anonymous'}` added to the global security",
                "api-global-security-added",
            )
    for name in old:
        if name not in new:
            msg = f"security scheme `{name or 'anonymous'}` removed from the global security"
            yield found(change, msg, "api-global-security-removed")
    yield from scope_changes(change, "security", "api-global-security-scope", "global ")
