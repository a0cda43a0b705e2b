from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.specs.proto.model import ENUM_VALUE, VALUE_NUMBER, Enum


@rule(
    code="PB206",
    name="enum-first-value-zero",
    on="ProtoEnum",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="correctness",
    buf=("ENUM_FIRST_VALUE_ZERO",),
)
def enum_first_value_zero(enum: Enum, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """The first value of an enum should be 0.

    ## What it does
    Reports an enum (proto2 or editions; proto3 already requires it) whose first value is not 0.

    ## Why is this bad?
    The first value is the default of an unset field; when it is not 0, proto2 and proto3 readers
    disagree on the default and migrating the file to proto3 is impossible.

    ## Example
    ```proto
    syntax = "proto2";
    enum Color { COLOR_RED = 1; }
    ```

    ## Use instead
    ```proto
    syntax = "proto2";
    enum Color { COLOR_UNSPECIFIED = 0; COLOR_RED = 1; }
    ```

    ## References
    - buf lint rule `ENUM_FIRST_VALUE_ZERO`: https://buf.build/docs/lint/rules/#enum_first_value_zero
    """
    values = enum.desc.value
    if values and values[0].number != 0:
        yield report(
            enum.doc,
            (*enum.path, ENUM_VALUE, 0, VALUE_NUMBER),
            f'First enum value "{values[0].name}" should have a numeric value of 0',
        )
