from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import to_pascal
from apictl.specs.proto.model import Message


@rule(
    code="PB104",
    name="message-pascal-case",
    on="ProtoMessage",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("MESSAGE_PASCAL_CASE",),
)
def message_pascal_case(message: Message, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Message names should be PascalCase.

    ## What it does
    Reports a message whose name is not PascalCase, and suggests the PascalCase spelling.

    ## Why is this bad?
    Generated code in every language assumes PascalCase type names; other spellings produce
    unidiomatic or colliding identifiers, and mixed styles make an API hard to read.

    ## Example
    ```proto
    message user_profile {}
    ```

    ## Use instead
    ```proto
    message UserProfile {}
    ```

    ## References
    - buf lint rule `MESSAGE_PASCAL_CASE`: https://buf.build/docs/lint/rules/#message_pascal_case
    """
    if message.is_map_entry:
        return
    name = message.name
    expected = to_pascal(name)
    if name != expected:
        yield report(
            message.doc, message.name_path, f'Message name "{name}" should be PascalCase, such as "{expected}".'
        )
