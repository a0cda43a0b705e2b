from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import to_pascal
from apictl.specs.proto.model import Enum


@rule(
    code="PB101",
    name="enum-pascal-case",
    on="ProtoEnum",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("ENUM_PASCAL_CASE",),
)
def enum_pascal_case(enum: Enum, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Enum names should be PascalCase.

    ## What it does
    Reports a enum whose name is not PascalCase, and suggests the PascalCase spelling.

    ## Why is this bad?
    Generated code in every language assumes PascalCase type names; other spellings produce
    unidiomatic or colliding identifiers, and mixed styles make an API hard to read.

    ## Example
    ```proto
    enum color { COLOR_UNSPECIFIED = 0; }
    ```

    ## Use instead
    ```proto
    enum Color { COLOR_UNSPECIFIED = 0; }
    ```

    ## References
    - buf lint rule `ENUM_PASCAL_CASE`: https://buf.build/docs/lint/rules/#enum_pascal_case
    """
    name = enum.name
    expected = to_pascal(name)
    if name != expected:
        yield report(enum.doc, enum.name_path, f'Enum name "{name}" should be PascalCase, such as "{expected}".')
