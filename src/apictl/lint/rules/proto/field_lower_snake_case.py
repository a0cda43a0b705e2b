from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import is_lower_snake, to_lower_snake
from apictl.specs.proto.model import MSG_FIELD, Field


@rule(
    code="PB103",
    name="field-lower-snake-case",
    on="ProtoField",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("FIELD_LOWER_SNAKE_CASE",),
)
def field_lower_snake_case(field: Field, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Field names should be lower_snake_case.

    ## What it does
    Reports a message field whose name is not lower_snake_case, and suggests the lower_snake_case spelling.

    ## Why is this bad?
    protoc derives the JSON name and every language's accessor names from the field name assuming
    lower_snake_case; other spellings give surprising JSON names and accessors.

    ## Example
    ```proto
    message User { string displayName = 1; }
    ```

    ## Use instead
    ```proto
    message User { string display_name = 1; }
    ```

    ## References
    - buf lint rule `FIELD_LOWER_SNAKE_CASE`: https://buf.build/docs/lint/rules/#field_lower_snake_case
    """
    message = field.message
    if message is None or message.is_map_entry or field.path[-2] != MSG_FIELD:
        return
    name = field.name
    if not is_lower_snake(name):
        yield report(
            field.doc,
            field.name_path,
            f'Field name "{name}" should be lower_snake_case, such as "{to_lower_snake(name)}".',
        )
