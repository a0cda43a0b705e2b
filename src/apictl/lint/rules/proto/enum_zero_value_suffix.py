from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.specs.proto.model import EnumValue


@rule(
    code="PB110",
    name="enum-zero-value-suffix",
    on="ProtoEnumValue",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("ENUM_ZERO_VALUE_SUFFIX",),
    options={"enum_zero_value_suffix": "_UNSPECIFIED"},
)
def enum_zero_value_suffix(value: EnumValue, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Enum zero values should end with `_UNSPECIFIED` (configurable).

    ## What it does
    Reports an enum value with number 0 whose name does not end with the configured suffix
    (option `suffix`, buf.yaml `enum_zero_value_suffix`; default `_UNSPECIFIED`).

    ## Why is this bad?
    The zero value is what a reader sees when the field was never set; naming it like a real
    value (`RED = 0`) makes "unset" indistinguishable from a deliberate choice.

    ## Example
    ```proto
    enum Color { COLOR_RED = 0; }
    ```

    ## Use instead
    ```proto
    enum Color { COLOR_UNSPECIFIED = 0; COLOR_RED = 1; }
    ```

    ## References
    - buf lint rule `ENUM_ZERO_VALUE_SUFFIX`: https://buf.build/docs/lint/rules/#enum_zero_value_suffix
    """
    if value.desc.number != 0:
        return
    suffix = str(ctx.options.get("enum_zero_value_suffix") or "_UNSPECIFIED")
    if not value.name.endswith(suffix):
        yield report(
            value.doc, value.name_path, f'Enum zero value name "{value.name}" should be suffixed with "{suffix}".'
        )
