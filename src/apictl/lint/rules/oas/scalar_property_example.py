from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node

_SCALARS = frozenset(("string", "integer", "number", "boolean", "null"))


def _is_scalar(value: dict[str, Any]) -> bool:
    declared = value.get("type")
    if not declared or any(k in value for k in ("allOf", "anyOf", "oneOf")) or value.get("format") == "binary":
        return False
    if isinstance(declared, list):
        return all(t in _SCALARS for t in declared)
    return declared in _SCALARS


@rule(
    code="OAS416",
    name="scalar-property-example",
    on="Schema",
    severity="warn",
    formats=ALL,
    preset="all",
    category="docs",
    redocly=("scalar-property-missing-example",),
)
def scalar_property_example(schema: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Scalar properties should have an example.

    ## What it does
    Reports each property of a schema whose schema (after `$ref`s) is a
    string, number, integer, boolean or null (and not `format: binary`, nor
    a composition) and has no `example` (nor, from OpenAPI 3.1,
    `examples`).

    ## Why is this bad?
    Documentation and mock servers build sample payloads from examples;
    without one they show `"string"` and `0`, which tell the reader nothing
    about the format (`"2024-05-01"`? `"pet_8f2c"`?) and make mocked
    responses useless for testing.

    ## Example
    ```yaml
    properties:
      id: {type: string, format: uuid}
    ```

    ## Use instead
    ```yaml
    properties:
      id: {type: string, format: uuid, example: 0b3c6f5e-1d2a-4b8e-9c3f-7a6d5e4b3c2a}
    ```

    ## References
    - https://redocly.com/docs/cli/rules/oas/scalar-property-missing-example
    """
    props = schema.get("properties")
    if not isinstance(props, dict):
        return
    with_examples = ctx.version not in ("oas2", "oas3.0")
    for name, prop in props.items():
        loc = ctx.deref(prop, schema.doc, join(schema.pointer, "properties", name))
        if loc is None or not isinstance(loc.value, dict) or not _is_scalar(loc.value):
            continue
        if "example" in loc.value or (with_examples and "examples" in loc.value):
            continue
        field = "`example` or `examples`" if with_examples else "`example`"
        yield schema.report(f"scalar property `{name}` has no {field}; add a realistic value", "properties", name)
