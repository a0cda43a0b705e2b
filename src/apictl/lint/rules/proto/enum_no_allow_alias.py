from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.specs.proto.model import ENUM_OPT_ALLOW_ALIAS, ENUM_OPTIONS, Enum


@rule(
    code="PB207",
    name="enum-no-allow-alias",
    on="ProtoEnum",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="correctness",
    buf=("ENUM_NO_ALLOW_ALIAS",),
)
def enum_no_allow_alias(enum: Enum, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Enums should not use `allow_alias`.

    ## What it does
    Reports an enum with `option allow_alias = true;`.

    ## Why is this bad?
    Aliased values share a number, so the JSON and text formats cannot round-trip the name, and
    renaming one alias is a breaking change for some languages but not others.

    ## Example
    ```proto
    enum Color { option allow_alias = true; COLOR_UNSPECIFIED = 0; COLOR_GREY = 1; COLOR_GRAY = 1; }
    ```

    ## Use instead
    ```proto
    enum Color { COLOR_UNSPECIFIED = 0; COLOR_GREY = 1; }
    ```

    ## References
    - buf lint rule `ENUM_NO_ALLOW_ALIAS`: https://buf.build/docs/lint/rules/#enum_no_allow_alias
    """
    if enum.desc.options.allow_alias:
        yield report(
            enum.doc,
            (*enum.path, ENUM_OPTIONS, ENUM_OPT_ALLOW_ALIAS),
            f'Enum option "allow_alias" on enum "{enum.name}" must be false.',
        )
