from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import to_lower_snake
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PB111",
    name="file-lower-snake-case",
    on="ProtoFile",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("FILE_LOWER_SNAKE_CASE",),
)
def file_lower_snake_case(doc: ProtoDocument, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """File names should be lower_snake_case.proto.

    ## What it does
    Reports a `.proto` file whose base name is not lower_snake_case.

    ## Why is this bad?
    File names become generated file and module names; mixed case breaks on case-insensitive
    file systems and in languages that derive module names from files.

    ## Example
    ```proto
    // UserService.proto
    ```

    ## Use instead
    ```proto
    // user_service.proto
    ```

    ## References
    - buf lint rule `FILE_LOWER_SNAKE_CASE`: https://buf.build/docs/lint/rules/#file_lower_snake_case
    """
    filename = doc.name.rsplit("/", 1)[-1]
    base = filename[: -len(".proto")] if filename.endswith(".proto") else filename
    expected = to_lower_snake(base)
    if base != expected:
        yield report(doc, (), f'Filename "{filename}" should be lower_snake_case.proto, such as "{expected}.proto".')
