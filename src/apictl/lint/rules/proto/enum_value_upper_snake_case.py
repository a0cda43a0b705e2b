from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import is_upper_snake, to_upper_snake
from apictl.specs.proto.model import EnumValue


@rule(
    code="PB102",
    name="enum-value-upper-snake-case",
    on="ProtoEnumValue",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("ENUM_VALUE_UPPER_SNAKE_CASE",),
)
def enum_value_upper_snake_case(value: EnumValue, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Enum value names should be UPPER_SNAKE_CASE.

    ## What it does
    Reports an enum value whose name is not UPPER_SNAKE_CASE, and suggests the UPPER_SNAKE_CASE spelling.

    ## Why is this bad?
    Enum values become constants in generated code; the protobuf style guide and every code
    generator expect UPPER_SNAKE_CASE.

    ## Example
    ```proto
    enum Color { ColorUnspecified = 0; }
    ```

    ## Use instead
    ```proto
    enum Color { COLOR_UNSPECIFIED = 0; }
    ```

    ## References
    - buf lint rule `ENUM_VALUE_UPPER_SNAKE_CASE`: https://buf.build/docs/lint/rules/#enum_value_upper_snake_case
    """
    name = value.name
    if not is_upper_snake(name):
        yield report(
            value.doc,
            value.name_path,
            f'Enum value name "{name}" should be UPPER_SNAKE_CASE, such as "{to_upper_snake(name)}".',
        )
