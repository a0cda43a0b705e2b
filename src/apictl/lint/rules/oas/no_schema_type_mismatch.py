from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node


@rule(
    code="OAS234",
    name="no-schema-type-mismatch",
    on="Schema",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="correctness",
    redocly=("no-schema-type-mismatch",),
)
def no_schema_type_mismatch(schema: Node, ctx: RuleContext) -> Iterator[Finding]:
    """A schema should not describe items unless it is an array, nor properties unless it is an object.

    ## What it does
    Reports `items` in a schema whose `type` is not `array`, and
    `properties` in a schema whose `type` is not `object`. When `type` is
    a list (OpenAPI 3.1), the keyword is accepted if the list includes the
    matching type. Schemas without `type` are not checked.

    ## Why is this bad?
    JSON Schema applies `items` only to arrays and `properties` only to
    objects: on a `type: string` schema they constrain nothing. It is
    almost always a mistake — `type: object` written where `type: array`
    was meant, or the other way round — and documentation and code
    generators show a type that disagrees with its description.

    ## Example
    ```yaml
    tags:
      type: object
      items: {type: string}
    ```

    ## Use instead
    ```yaml
    tags:
      type: array
      items: {type: string}
    ```

    ## References
    - https://json-schema.org/understanding-json-schema/reference/array
    - https://redocly.com/docs/cli/rules/common/no-schema-type-mismatch
    """
    value = schema.value
    if not isinstance(value, dict):
        return
    declared = value.get("type")
    if isinstance(declared, str):
        types = {declared}
    elif isinstance(declared, list) and all(isinstance(t, str) for t in declared):
        types = set(declared)
    else:
        return
    shown = f"`{declared}`" if isinstance(declared, str) else "`[" + ", ".join(declared) + "]`"
    if "items" in value and "array" not in types:
        yield schema.report(
            f"`items` has no effect on a schema of type {shown}; make it `type: array` or remove `items`", "items"
        )
    if "properties" in value and "object" not in types:
        yield schema.report(
            f"`properties` has no effect on a schema of type {shown}; make it `type: object` or remove `properties`",
            "properties",
        )
