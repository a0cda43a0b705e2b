from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._schema_helpers import ValueCheck, check_value
from apictl.specs.openapi.model import Node


@rule(
    code="OAS221",
    name="no-invalid-schema-examples",
    on="Schema",
    severity="error",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("oas3-valid-schema-example", "oas2-valid-schema-example"),
    redocly=("no-invalid-schema-examples",),
)
def no_invalid_schema_examples(schema: Node, ctx: RuleContext) -> Iterable[Finding]:
    """A schema's `example`, `examples` and `default` must be valid against the schema itself.

    ## What it does
    Validates, for every schema (components, inline schemas, properties,
    items…), its `example`, each entry of its `examples` array (OpenAPI 3.1+),
    its `default`, and in OpenAPI 2.0 its `x-example`, against that schema.
    Each problem is reported at the offending place inside the value.

    The schema is read as its OpenAPI version means it (`nullable` /
    `x-nullable` admit null, `$ref`s are followed across files); the details —
    which `format`s are checked, what happens with schemas that cannot be
    compiled — are those of `no-invalid-media-type-examples` (OAS220).

    ## Why is this bad?
    Documentation shows schema examples, mock servers return them, and
    clients and servers fill in defaults. A value its own schema rejects is a
    contradiction in the contract: one of the two is wrong.

    ## Example
    ```yaml
    Pet:
      type: object
      properties:
        age: {type: integer, minimum: 0, example: -1}
        kind: {type: string, enum: [cat, dog], default: bird}
    ```

    ## Use instead
    ```yaml
    Pet:
      type: object
      properties:
        age: {type: integer, minimum: 0, example: 3}
        kind: {type: string, enum: [cat, dog], default: cat}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#schema-object
    - https://json-schema.org/draft/2020-12/json-schema-validation#section-9.2
    """
    value = schema.value
    # Cheap test first (and no generator): most schemas have none of these.
    if not isinstance(value, dict) or not (
        "example" in value or "default" in value or "examples" in value or "x-example" in value
    ):
        return ()
    return list(_check(schema, value, ctx))


def _check(schema: Node, value: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    fields: list[tuple[str, str]] = []
    if "example" in value:
        fields.append(("example", "example"))
    if "x-example" in value and ctx.version == "oas2":
        fields.append(("x-example", "`x-example`"))
    if "default" in value:
        fields.append(("default", "default value"))
    for field, what in fields:
        yield from check_value(
            ctx,
            ValueCheck(
                value,
                schema.doc,
                schema.pointer,
                value[field],
                schema.doc,
                join(schema.pointer, field),
                what,
                label="the schema",
            ),
        )
    examples = value.get("examples")
    if isinstance(examples, list) and ctx.version not in ("oas2", "oas3.0"):
        for i, example in enumerate(examples):
            yield from check_value(
                ctx,
                ValueCheck(
                    value,
                    schema.doc,
                    schema.pointer,
                    example,
                    schema.doc,
                    join(schema.pointer, "examples", i),
                    f"`examples[{i}]`",
                    label="the schema",
                ),
            )
