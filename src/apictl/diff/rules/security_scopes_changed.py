"""Breaking-change rule BRK325 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, scope_changes


@rule(
    code="BRK325",
    name="security-scopes-changed",
    on=m.OPERATION_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("api-security-scope-added", "api-security-scope-removed"),
)
def security_scopes_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports OAuth scopes added to or removed from an operation's security requirement.

    ## What it does
    Reports scopes added to or removed from a security requirement (same schemes) of an operation.

    Like oasdiff, only the operation's own `security` is compared; scopes inherited from the global
    `security` are reported once, by BRK326.

    ## Why is this bad?
    Listed as information, like oasdiff: a new required scope can make existing tokens insufficient, so
    review it.

    ## Example
    previous: `security: [{oauth: [read]}]`; current: `security: [{oauth: [read, write]}]`.

    ## Use instead
    Request new scopes only in a new operation or version.

    ## References
    - oasdiff: `api-security-scope-added`, `api-security-scope-removed`
    """
    yield from scope_changes(change, "security-scopes", "api-security-scope", "endpoint ")
