from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.access import is_oas2, security_schemes
from apictl.specs.openapi.model import OPERATION, Node


def _scopes(scheme: Any, oas2: bool) -> set[str] | None:
    """The scopes an OAuth2 scheme defines (all flows together); None when the
    scheme is not OAuth2 (its scopes are not checked)."""
    if not isinstance(scheme, dict) or scheme.get("type") != "oauth2":
        return None
    if oas2:
        scopes = scheme.get("scopes")
        return set(scopes) if isinstance(scopes, dict) else set()
    names: set[str] = set()
    flows = scheme.get("flows")
    if isinstance(flows, dict):
        for flow in flows.values():
            if isinstance(flow, dict) and isinstance(flow.get("scopes"), dict):
                names.update(flow["scopes"])
    return names


@rule(
    code="OAS301",
    name="security-scheme-defined",
    on="SecurityRequirement",
    severity="error",
    formats=ALL,
    preset="minimal",
    category="security",
    spectral=("oas3-operation-security-defined", "oas2-operation-security-defined"),
    redocly=("security-defined", "security-scopes-defined"),
)
def security_scheme_defined(requirement: Node, ctx: RuleContext) -> Iterable[Finding]:
    """Security requirements must name defined security schemes, and OAuth2 scopes those schemes define.

    ## What it does
    Checks every security requirement — the global `security` and each
    operation's — and reports a scheme name that is not defined in
    `components.securitySchemes` (OpenAPI 2.0: `securityDefinitions`), and,
    for OAuth2 schemes, each requested scope that none of the scheme's flows
    defines. Scopes of other scheme types are not checked (OpenAPI 3.1 allows
    role names there). In OpenAPI 3.2, names that are URI references to a
    scheme (containing `#`) are left to the reference checks.

    ## Why is this bad?
    A requirement naming an unknown scheme cannot be satisfied: clients do not
    know how to authenticate, documentation shows nothing, and gateways built
    from the description may reject every call — or, worse, accept them. A
    scope that the scheme does not define is never granted by the
    authorization server.

    ## Example
    ```yaml
    security:
      - oauth: [pets:write]
    components:
      securitySchemes:
        OAuth:
          type: oauth2
          flows:
            clientCredentials:
              tokenUrl: https://auth.example.com/token
              scopes: {pets:read: Read pets}
    ```

    ## Use instead
    ```yaml
    security:
      - OAuth: [pets:read]
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#security-requirement-object
    """
    value = requirement.value
    if not isinstance(value, dict) or not value:
        return ()
    oas2 = is_oas2(ctx.version)
    schemes = security_schemes(ctx.data, ctx.version) if isinstance(ctx.data, dict) else {}
    where = "securityDefinitions" if oas2 else "components.securitySchemes"
    owner = "operation" if requirement.ancestor(OPERATION) is not None else "API"
    out = []
    for name, scopes in value.items():
        if not isinstance(name, str):
            continue
        if name not in schemes:
            if ctx.version == "oas3.2" and "#" in name:
                continue
            known = ", ".join(f"`{n}`" for n in list(schemes)[:8]) or "none"
            out.append(
                requirement.report(
                    f"{owner} security requirement names `{name}`, which is not defined in `{where}` "
                    f"(defined: {known}); define it or fix the name",
                    name,
                )
            )
            continue
        defined = _scopes(schemes[name], oas2)
        if defined is None or not isinstance(scopes, list):
            continue
        for i, scope in enumerate(scopes):
            if isinstance(scope, str) and scope not in defined:
                out.append(
                    requirement.report(
                        f"scope `{scope}` is not defined by any flow of the OAuth2 scheme `{name}`; add it to the "
                        "scheme's `scopes` or fix the name",
                        name,
                        i,
                    )
                )
    return out
