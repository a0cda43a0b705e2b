from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._example_messages import short
from apictl.lint.structural import json_type
from apictl.specs.openapi.model import Node

_KNOWN = frozenset(("string", "number", "integer", "boolean", "array", "object", "null"))


def matches_type(value: Any, type_name: str) -> bool:
    """Whether a JSON value is of a JSON Schema type (1.0 is an integer, true is not a number)."""
    if type_name == "string":
        return isinstance(value, str)
    if type_name == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if type_name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if type_name == "boolean":
        return isinstance(value, bool)
    if type_name == "array":
        return isinstance(value, list)
    if type_name == "object":
        return isinstance(value, dict)
    return value is None  # "null"


@rule(
    code="OAS223",
    name="typed-enum",
    on="Schema",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("typed-enum",),
    redocly=("no-enum-type-mismatch",),
)
def typed_enum(schema: Node, ctx: RuleContext) -> Iterable[Finding]:
    """Every `enum` value must be of the schema's `type`.

    ## What it does
    Reports each value of a schema's `enum` that is not of the schema's
    `type` (any of them, when `type` is a list as OpenAPI 3.1 allows). `null`
    is accepted when the schema is `nullable: true` (3.0), `x-nullable: true`
    (2.0) or lists `"null"` among its types (3.1). `1.0` counts as an integer;
    `true` is not a number. Schemas with an unknown `type` are left to
    `valid-structure`.

    ## Why is this bad?
    A value of another type can never validate: it is a dead option that
    documentation still offers and code generators turn into an enum member
    of the wrong type (or fail on). Usually it is a YAML slip — `enum: [1, 2]`
    on a string, `yes`/`no` read as booleans, or `null` without `nullable`.

    ## Example
    ```yaml
    type: string
    enum: [draft, published, 3]
    ```

    ## Use instead
    ```yaml
    type: string
    enum: [draft, published, "3"]
    ```

    ## References
    - https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.2
    """
    value = schema.value
    if not isinstance(value, dict) or "enum" not in value or "type" not in value:
        return ()
    enum, declared = value["enum"], value["type"]
    if not isinstance(enum, list):
        return ()
    types = [declared] if isinstance(declared, str) else declared if isinstance(declared, list) else None
    if not types or not all(isinstance(t, str) and t in _KNOWN for t in types):
        return ()
    nullable_key = "x-nullable" if ctx.version == "oas2" else "nullable"
    nullable = "null" in types or value.get(nullable_key) is True
    shown = f"`{declared}`" if isinstance(declared, str) else "`[" + ", ".join(types) + "]`"
    out = []
    for i, item in enumerate(enum):
        if item is None and nullable:
            continue
        if any(matches_type(item, t) for t in types):
            continue
        if item is None:
            fix = (
                "add `x-nullable: true`"
                if ctx.version == "oas2"
                else "add `nullable: true`"
                if ctx.version == "oas3.0"
                else 'add "null" to `type`'
            )
            out.append(schema.report(f"enum value null does not match type {shown}; {fix} or remove it", "enum", i))
        else:
            what = f"at index {i}" if isinstance(item, (dict, list)) else short(item)
            out.append(
                schema.report(
                    f"enum value {what} is {_a(json_type(item))}, not of type {shown}; change the value or the `type`",
                    "enum",
                    i,
                )
            )
    return out


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word
