from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import is_lower_snake, to_lower_snake
from apictl.specs.proto.model import Oneof


@rule(
    code="PB105",
    name="oneof-lower-snake-case",
    on="ProtoOneof",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("ONEOF_LOWER_SNAKE_CASE",),
)
def oneof_lower_snake_case(oneof: Oneof, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Oneof names should be lower_snake_case.

    ## What it does
    Reports a oneof whose name is not lower_snake_case (synthetic oneofs of proto3 `optional` fields are skipped).

    ## Why is this bad?
    Oneof names become accessor and case-enum names in generated code, derived as for fields.

    ## Example
    ```proto
    message Pet { oneof Kind { Dog dog = 1; Cat cat = 2; } }
    ```

    ## Use instead
    ```proto
    message Pet { oneof kind { Dog dog = 1; Cat cat = 2; } }
    ```

    ## References
    - buf lint rule `ONEOF_LOWER_SNAKE_CASE`: https://buf.build/docs/lint/rules/#oneof_lower_snake_case
    """
    parent = oneof.parent
    if parent is None or oneof.is_synthetic(parent.desc):
        return
    name = oneof.name
    if not is_lower_snake(name):
        yield report(
            oneof.doc,
            oneof.name_path,
            f'Oneof name "{name}" should be lower_snake_case, such as "{to_lower_snake(name)}".',
        )
