from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import to_upper_snake
from apictl.specs.proto.model import EnumValue


@rule(
    code="PB109",
    name="enum-value-prefix",
    on="ProtoEnumValue",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("ENUM_VALUE_PREFIX",),
)
def enum_value_prefix(value: EnumValue, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Enum value names should be prefixed with the enum's name in UPPER_SNAKE_CASE.

    ## What it does
    Reports an enum value whose name does not start with `ENUM_NAME_` (the enum's name in UPPER_SNAKE_CASE).

    ## Why is this bad?
    Enum values are siblings of their enum in C++ and other languages, so two enums in one scope
    with a value `UNKNOWN` collide; the prefix keeps them unique.

    ## Example
    ```proto
    enum Color { UNSPECIFIED = 0; RED = 1; }
    ```

    ## Use instead
    ```proto
    enum Color { COLOR_UNSPECIFIED = 0; COLOR_RED = 1; }
    ```

    ## References
    - buf lint rule `ENUM_VALUE_PREFIX`: https://buf.build/docs/lint/rules/#enum_value_prefix
    """
    prefix = to_upper_snake(value.enum.name) + "_"
    if not value.name.startswith(prefix):
        yield report(value.doc, value.name_path, f'Enum value name "{value.name}" should be prefixed with "{prefix}".')
