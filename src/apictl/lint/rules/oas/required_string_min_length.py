from __future__ import annotations

from collections.abc import Iterator

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node


@rule(
    code="OAS242",
    name="required-string-min-length",
    on="Schema",
    severity="warn",
    formats=ALL,
    preset="all",
    category="correctness",
    redocly=("required-string-property-missing-min-length",),
)
def required_string_min_length(schema: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Required string properties should set `minLength`, so that an empty string does not pass as a value.

    ## What it does
    Reports each property listed in a schema's `required` whose schema
    (after `$ref`s) is of type `string` and has no `minLength` of at least
    1.

    ## Why is this bad?
    `required` only says the key must be present: `{"name": ""}` satisfies
    it. When a value is required, an empty string is nearly always as wrong
    as a missing one, and without `minLength: 1` neither validation nor
    generated clients reject it.

    ## Example
    ```yaml
    type: object
    required: [name]
    properties:
      name: {type: string}
    ```

    ## Use instead
    ```yaml
    type: object
    required: [name]
    properties:
      name: {type: string, minLength: 1}
    ```

    ## References
    - https://redocly.com/docs/cli/rules/oas/required-string-property-missing-min-length
    """
    required = schema.get("required")
    props = schema.get("properties")
    if not isinstance(required, list) or not isinstance(props, dict):
        return
    for name in dict.fromkeys(r for r in required if isinstance(r, str)):
        if name not in props:
            continue
        loc = ctx.deref(props[name], schema.doc, join(schema.pointer, "properties", name))
        if loc is None or not isinstance(loc.value, dict):
            continue
        declared = loc.value.get("type")
        is_string = declared == "string" or (
            isinstance(declared, list) and "string" in declared and all(t in ("string", "null") for t in declared)
        )
        min_length = loc.value.get("minLength")
        if is_string and not (isinstance(min_length, int) and min_length >= 1):
            yield schema.report(
                f"required string property `{name}` has no `minLength`, so an empty string passes; add `minLength: 1`",
                "properties",
                name,
            )
