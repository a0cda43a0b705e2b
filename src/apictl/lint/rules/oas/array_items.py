from __future__ import annotations

from collections.abc import Iterable

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node


@rule(
    code="OAS225",
    name="array-items",
    on="Schema",
    severity="error",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("array-items",),
)
def array_items(schema: Node, ctx: RuleContext) -> Iterable[Finding]:
    """A schema of `type: array` must say what its items are with `items`.

    ## What it does
    Reports a schema whose `type` is `array` (or, in OpenAPI 3.1, lists
    `array`) but has no `items`. In 3.1 and later, `prefixItems` counts as
    describing the items too. Schemas in request bodies, responses,
    components and nested schemas are all checked; parameters and headers of
    OpenAPI 2.0, which carry `type` themselves, are left to `valid-structure`.

    ## Why is this bad?
    OpenAPI 2.0 and 3.0 require `items` whenever `type` is `array`. Without
    it, the elements can be anything: documentation shows an untyped list and
    code generators fall back to `any`/`object`, losing the contract.

    ## Example
    ```yaml
    tags:
      type: array
    ```

    ## Use instead
    ```yaml
    tags:
      type: array
      items:
        type: string
    ```

    ## References
    - https://spec.openapis.org/oas/v3.0.3#properties
    """
    value = schema.value
    if not isinstance(value, dict) or "items" in value:
        return ()
    declared = value.get("type")
    if declared != "array" and not (isinstance(declared, list) and "array" in declared):
        return ()
    if "prefixItems" in value and ctx.version not in ("oas2", "oas3.0"):
        return ()
    return [schema.report("schema has `type: array` but no `items`; add `items` describing the elements", "type")]
