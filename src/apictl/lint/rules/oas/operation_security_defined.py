from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import op_label
from apictl.specs.openapi.model import COMPONENTS, OPERATION, PATHS, Node


@rule(
    code="OAS302",
    name="operation-security-defined",
    on="Root",
    severity="error",
    formats=ALL,
    preset="recommended",
    category="security",
    redocly=("security-defined",),
)
def operation_security_defined(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every operation must say how it is secured, or say explicitly that it is public.

    ## What it does
    Reports each operation under `paths` that has no `security` of its own
    while the API has no (non-empty) global `security`. An explicit empty list,
    `security: []`, marks a deliberately public operation and is accepted.
    Webhooks and callbacks, which are requests the API sends rather than
    receives, are not checked.

    ## Why is this bad?
    An operation without a security requirement is documented — and, with
    gateways configured from the description, deployed — as open to anyone.
    Whether that is intended should be visible in the contract, not an
    accident of a missing line.

    ## Example
    ```yaml
    paths:
      /pets:
        delete:
          responses:
            '204': {description: Deleted}
    ```

    ## Use instead
    ```yaml
    security:
      - ApiKey: []
    paths:
      /pets:
        delete:
          responses:
            '204': {description: Deleted}
      /health:
        get:
          security: []        # public on purpose
          responses:
            '200': {description: OK}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#operation-object
    - https://spec.openapis.org/oas/v3.1.0#security-requirement-object
    """
    data = ctx.data
    global_security = data.get("security") if isinstance(data, dict) else None
    if isinstance(global_security, list) and global_security:
        return
    for op in ctx.nodes[OPERATION]:
        if not isinstance(op.value, dict) or "security" in op.value:
            continue
        item = op.parent
        if item is None or item.parent is None or item.parent.kind not in (PATHS, COMPONENTS):
            continue  # webhooks and callbacks
        yield op.report(
            f"{op_label(op)} has no `security` and the API has no global `security`; add a security "
            "requirement, or `security: []` if it is public on purpose"
        )
