from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import op_label
from apictl.lint.rules.oas._scale_helpers import effective_security, quote_names, served
from apictl.specs.openapi.model import Node


@rule(
    code="OAS509",
    name="explicit-security",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
)
def explicit_security(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every operation should have a security requirement or be marked public on purpose.

    ## What it does
    For each operation under `paths`, with the security requirements in force
    (its own `security`, else the document's):

    - reports it when no requirement is written anywhere, unless it is
      marked `x-public: true`. An explicit `security: []` (on the operation or
      the document) is an explicit decision and is accepted;
    - reports `x-public: true` on an operation whose requirements all demand
      credentials (no `security: []`, no empty alternative `{}`), and
      `x-public: false` on one that needs none: the marker and the contract
      contradict each other;
    - reports an `x-public` that is not `true` or `false`.

    `x-public: true` is apictl's marker for "anyone may call this": it
    documents the intent where readers, gateways and other rules (e.g.
    `rate-limit-response`, OAS503) can see it. `recommended`'s
    `operation-security-defined` (OAS302) reports the first case too but does
    not know the marker; with both presets on, mark public operations with
    `security: []`, which satisfies both.

    ## Why is this bad?
    At scale, every request must be attributable: quotas, rate limits,
    abuse handling, capacity planning and billing all key on the caller's
    identity. An operation that is open by accident has none of that — it is
    the one scrapers and retry storms find first. Making "public" an explicit
    statement keeps it a decision that reviewers can see and the gateway can
    enforce differently (stricter limits, caching).

    ## Example
    ```yaml
    paths:
      /status:
        get:
          responses:
            '200': {description: Service status}
    ```

    ## Use instead
    ```yaml
    paths:
      /status:
        get:
          security: []      # or: x-public: true
          responses:
            '200': {description: Service status}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#security-requirement-object
    - https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/
    """
    if not served(op):
        return
    marker = op.value.get("x-public")
    if marker is not None and not isinstance(marker, bool):
        yield op.report(f"`x-public` of {op_label(op)} must be `true` or `false`, got {marker!r}", "x-public")
        return
    sec = effective_security(ctx, op)
    if sec is None:
        if marker is not True:
            yield op.report(
                f"{op_label(op)} has no security requirement and is not marked public; add `security`, or "
                "`security: []` / `x-public: true` if anyone may call it on purpose"
            )
        return
    if not isinstance(sec, list):
        return  # valid-structure reports it
    anonymous = not sec or any(isinstance(req, dict) and not req for req in sec)
    if marker is True and not anonymous:
        schemes = sorted({str(k) for req in sec if isinstance(req, dict) for k in req})
        yield op.report(
            f"{op_label(op)} is marked `x-public: true` but requires credentials ({quote_names(schemes)}); add "
            "`security: []` (or an empty alternative `{}`) or drop the marker",
            "x-public",
        )
    elif marker is False and anonymous:
        yield op.report(
            f"{op_label(op)} is marked `x-public: false` but needs no credentials; add a security requirement "
            "or drop the marker",
            "x-public",
        )
