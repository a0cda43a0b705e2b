"""Breaking-change rule BRK327 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, flows, fmt, found


@rule(
    code="BRK327",
    name="security-scheme-changed",
    on=m.DOCUMENT_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "api-security-component-added",
        "api-security-component-removed",
        "api-security-component-type-changed",
        "api-security-component-oauth-scope-added",
        "api-security-component-oauth-scope-removed",
        "api-security-component-oauth-scope-changed",
        "api-security-component-oauth-url-changed",
        "api-security-component-oauth-token-url-changed",
    ),
)
def security_scheme_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports security schemes added, removed or changed in the components.

    ## What it does
    Reports security schemes added to or removed from `components/securitySchemes`
    (`securityDefinitions`), and changes of their type, OAuth flow URLs and scopes.

    Deliberate difference: oasdiff 1.15 compares the scopes and URLs of the `implicit` flow only;
    apictl compares every flow present in both versions.

    ## Why is this bad?
    Listed for the changelog; the effect on operations is reported by the security rules (BRK146,
    BRK325).

    ## Example
    previous: `oauth: {type: oauth2, flows: {implicit: {scopes: {read: …}}}}`; current: scope `write`
    added.

    ## Use instead
    Review clients that obtain tokens for the scheme.

    ## References
    - oasdiff: `api-security-component-added`, `api-security-component-removed`,
      `api-security-component-type-changed`, `api-security-component-oauth-scope-added`,
      `api-security-component-oauth-scope-removed`, `api-security-component-oauth-scope-changed`,
      `api-security-component-oauth-url-changed`, `api-security-component-oauth-token-url-changed`
    """
    d = change.detail
    if d.get("field") != "securitySchemes":
        return
    name = d.get("name")
    if change.old is None:
        yield found(change, f"security scheme `{name}` added", "api-security-component-added")
        return
    if change.new is None:
        yield found(change, f"security scheme `{name}` removed", "api-security-component-removed")
        return
    o, n = change.old.value, change.new.value
    if not isinstance(o, dict) or not isinstance(n, dict):
        return
    if o.get("type") != n.get("type"):
        msg = f"type of security scheme `{name}` changed from `{fmt(o.get('type'))}` to `{fmt(n.get('type'))}`"
        yield found(change, msg, "api-security-component-type-changed")
        return
    for flow, of, nf in flows(o, n):
        for key, cid in (("authorizationUrl", "oauth-url-changed"), ("tokenUrl", "oauth-token-url-changed")):
            if of.get(key) != nf.get(key):
                msg = (
                    f"{key} of the `{flow}` flow of security scheme `{name}` changed "
                    f"from `{fmt(of.get(key) or '')}` to `{fmt(nf.get(key) or '')}`"
                )
                yield found(change, msg, f"api-security-component-{cid}")
        os_: dict[str, Any] = of["scopes"] if isinstance(of.get("scopes"), dict) else {}
        ns_: dict[str, Any] = nf["scopes"] if isinstance(nf.get("scopes"), dict) else {}
        for s in ns_:
            if s not in os_:
                msg = f"scope `{s}` added to the `{flow}` flow of security scheme `{name}`"
                yield found(change, msg, "api-security-component-oauth-scope-added")
            elif os_[s] != ns_[s]:
                msg = f"scope `{s}` of the `{flow}` flow of security scheme `{name}` changed"
                yield found(change, msg, "api-security-component-oauth-scope-changed")
        for s in os_:
            if s not in ns_:
                msg = f"scope `{s}` removed from the `{flow}` flow of security scheme `{name}`"
                yield found(change, msg, "api-security-component-oauth-scope-removed")
