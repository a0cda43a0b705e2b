from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import op_label, require_text
from apictl.specs.openapi.model import Node


@rule(
    code="OAS409",
    name="operation-summary",
    on="Operation",
    severity="error",
    formats=ALL,
    preset="recommended",
    category="docs",
    redocly=("operation-summary",),
)
def operation_summary(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every operation should have a non-empty `summary`.

    ## What it does
    Reports an operation (in `paths`, `webhooks`, callbacks or reusable path
    items) without a `summary`, or whose `summary` is empty or only
    whitespace.

    ## Why is this bad?
    The summary is the operation's title: documentation tools show it in the
    navigation and as the heading of the operation's page, and fall back to
    the bare path (`GET /pets/{petId}/owners`) without it. Keep it short; put
    details in `description`.

    ## Example
    ```yaml
    /pets:
      get:
        operationId: listPets
    ```

    ## Use instead
    ```yaml
    /pets:
      get:
        operationId: listPets
        summary: List pets
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#operation-object
    - https://redocly.com/docs/cli/rules/oas/operation-summary
    """
    label = op_label(op)
    yield from require_text(
        op,
        "summary",
        f"{label} has no `summary`; add a short title (documentation shows it in navigation)",
        f"{label} has an empty `summary`; add a short title",
    )
