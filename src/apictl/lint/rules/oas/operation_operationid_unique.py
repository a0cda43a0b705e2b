from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import OPERATION, Node


@rule(
    code="OAS202",
    name="operation-operationid-unique",
    on="Root",
    severity="error",
    formats=ALL,
    preset="minimal",
    category="correctness",
    spectral=("operation-operationId-unique",),
    redocly=("operation-operationId-unique",),
)
def operation_operationid_unique(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every `operationId` must be unique in the API.

    ## What it does
    Reports each operation whose `operationId` was already used by another
    operation (webhooks and callbacks included), naming where it was first used.

    ## Why is this bad?
    Code generators turn operationIds into method names: a duplicate makes one
    method shadow another, or the generator fail. Links and documentation tools
    address operations by this id too.

    ## Example
    ```yaml
    /pets:
      get: {operationId: list}
    /owners:
      get: {operationId: list}
    ```

    ## Use instead
    ```yaml
    /pets:
      get: {operationId: listPets}
    /owners:
      get: {operationId: listOwners}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#operation-object
    """
    first: dict[str, Node] = {}
    for op in ctx.nodes[OPERATION]:
        op_id = op.get("operationId")
        if not isinstance(op_id, str):
            continue
        if op_id in first:
            prev = first[op_id]
            yield op.report(
                f"operationId `{op_id}` is already used by {prev.method.upper()} {prev.path}; "
                "operationIds must be unique",
                "operationId",
            )
        else:
            first[op_id] = op
