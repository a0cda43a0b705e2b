from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import in_callback, op_label, require_text
from apictl.specs.openapi.model import Node


@rule(
    code="OAS407",
    name="operation-operationid",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("operation-operationId",),
    redocly=("operation-operationId",),
)
def operation_operationid(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every operation should have an `operationId`.

    ## What it does
    Reports an operation (in `paths`, `webhooks` or reusable path items)
    without an `operationId`, or whose `operationId` is an empty string.
    Callback operations are not checked: they describe requests the API
    sends, which no client calls by name.

    ## Why is this bad?
    Code generators name SDK methods after the operationId; without one they
    invent names from the method and path (`petsPetIdGet`) that change when
    the path does. Documentation tools use it for permalinks, and `links`
    refer to operations by it.

    ## Example
    ```yaml
    /pets:
      get:
        summary: List pets
    ```

    ## Use instead
    ```yaml
    /pets:
      get:
        summary: List pets
        operationId: listPets
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#operation-object
    - https://redocly.com/docs/cli/rules/oas/operation-operationId
    """
    if in_callback(op):
        return
    label = op_label(op)
    yield from require_text(
        op,
        "operationId",
        f"{label} has no `operationId`; add a unique, stable id (code generators name the method after it)",
        f"{label} has an empty `operationId`; give it a unique, stable id",
    )
