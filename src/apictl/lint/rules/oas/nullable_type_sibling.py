from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.specs.openapi.model import Node


@rule(
    code="OAS235",
    name="nullable-type-sibling",
    on="Schema",
    severity="warn",
    formats=("oas3.0",),
    preset="recommended",
    category="correctness",
    redocly=("nullable-type-sibling",),
)
def nullable_type_sibling(schema: Node, ctx: RuleContext) -> Iterator[Finding]:
    """`nullable` needs a `type` beside it (OpenAPI 3.0).

    ## What it does
    For OpenAPI 3.0, reports `nullable` in a schema that has no `type`.

    ## Why is this bad?
    OpenAPI 3.0.3 clarified that `nullable: true` only adds `null` to the
    values allowed by the schema's `type`: without a `type` it has no
    effect, so `null` stays invalid, or tools disagree on what it means
    (some read it as "anything or null"). Next to `allOf` or `$ref` the
    intent is usually "this reference may be null", which needs a `type`
    (or, from OpenAPI 3.1, a `oneOf` with `type: 'null'`).

    ## Example
    ```yaml
    owner:
      nullable: true
      allOf:
        - $ref: '#/components/schemas/Owner'
    ```

    ## Use instead
    ```yaml
    owner:
      type: object
      nullable: true
      allOf:
        - $ref: '#/components/schemas/Owner'
    ```

    ## References
    - https://spec.openapis.org/oas/v3.0.3#fixed-fields-19
    - https://github.com/OAI/OpenAPI-Specification/blob/main/proposals/2019-10-31-Clarify-Nullable.md
    """
    value = schema.value
    if isinstance(value, dict) and "nullable" in value and "type" not in value:
        yield schema.report("`nullable` has no effect without a `type` beside it; add the schema's `type`", "nullable")
