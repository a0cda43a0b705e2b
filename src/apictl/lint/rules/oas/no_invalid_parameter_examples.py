from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._schema_helpers import (
    REQUEST,
    RESPONSE,
    ValueCheck,
    check_values,
    example_values,
    has_examples,
    iter_headers,
)
from apictl.specs.openapi.access import Located, is_oas2
from apictl.specs.openapi.model import PARAMETER, Node


@rule(
    code="OAS222",
    name="no-invalid-parameter-examples",
    on="Root",
    severity="error",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("oas3-valid-media-example", "oas2-valid-schema-example"),
    redocly=("no-invalid-parameter-examples",),
)
def no_invalid_parameter_examples(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Parameter and header examples must be valid against their schema.

    ## What it does
    Validates the `example` and each `examples.<name>.value` of every
    parameter and response header that has a `schema` against that schema.
    In OpenAPI 2.0, where non-body parameters and headers carry the schema
    keywords themselves, validates their `x-example` and `default` against
    them. Parameters and headers described with `content` are checked by
    `no-invalid-media-type-examples` (OAS220), the schema's own `example` and
    `default` by `no-invalid-schema-examples` (OAS221).

    Examples are compared with the deserialized value: a query parameter of
    `type: integer` needs `example: 10`, not `example: "10"`. The schema is
    read as described for OAS220.

    ## Why is this bad?
    Parameter examples end up in documentation, "try it" consoles and
    generated tests. An example the schema rejects produces a request the
    server refuses — or tells readers the wrong type.

    ## Example
    ```yaml
    parameters:
      - name: limit
        in: query
        schema: {type: integer, maximum: 100}
        example: 500
    ```

    ## Use instead
    ```yaml
    parameters:
      - name: limit
        in: query
        schema: {type: integer, maximum: 100}
        example: 50
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#parameter-object
    - https://spec.openapis.org/oas/v3.1.0#header-object
    """
    yield from check_values(ctx, _checks(ctx))


def _wanted_oas2(value: dict[str, Any]) -> bool:
    return ("x-example" in value or "default" in value) and "type" in value and value.get("in") != "body"


def _checks(ctx: RuleContext) -> Iterator[ValueCheck]:
    oas2 = is_oas2(ctx.version)
    want = _wanted_oas2 if oas2 else has_examples
    owners: list[tuple[Located, str, str]] = []
    for param in ctx.nodes[PARAMETER]:
        value = param.value
        if value.__class__ is dict and want(value):
            name = value.get("name")
            owners.append(
                (
                    Located(value, param.doc, param.pointer),
                    REQUEST,
                    f"parameter `{name}`" if isinstance(name, str) else "parameter",
                )
            )
    for name, header in iter_headers(ctx, want):
        owners.append((header, RESPONSE, f"header `{name}`"))
    for owner, mode, label in owners:
        value = owner.value
        if oas2:
            for field in ("x-example", "default"):
                if field in value:
                    what = "`x-example`" if field == "x-example" else "default value"
                    yield ValueCheck(
                        value,
                        owner.doc,
                        owner.pointer,
                        value[field],
                        owner.doc,
                        join(owner.pointer, field),
                        f"{label} {what}",
                        mode,
                        "its schema",
                    )
            continue
        schema = value.get("schema")
        if not isinstance(schema, (dict, bool)):
            continue
        for what, example, doc, pointer in example_values(ctx, owner):
            yield ValueCheck(
                schema, owner.doc, join(owner.pointer, "schema"), example, doc, pointer, f"{label} {what}", mode
            )
