from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import has_comment
from apictl.specs.proto.model import Enum


@rule(
    code="PB401",
    name="comment-enum",
    on="ProtoEnum",
    severity="warn",
    formats=PROTO,
    preset="all",
    category="docs",
    buf=("COMMENT_ENUM",),
)
def comment_enum(enum: Enum, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Enums should have a leading comment.

    ## What it does
    Reports a enum without a non-empty leading comment (buf's COMMENTS category; opt-in).
    A comment that only holds `buf:lint:ignore` directives does not count.

    ## Why is this bad?
    Comments on the schema are the API's reference documentation; generated code and API
    explorers show them to every consumer.

    ## Example
    ```proto
    message X {}
    ```

    ## Use instead
    ```proto
    // X is what it is for.
    message X {}
    ```

    ## References
    - buf lint rule `COMMENT_ENUM`: https://buf.build/docs/lint/rules/#comment_enum
    """
    if not has_comment(enum):
        yield report(enum.doc, enum.path, f'Enum "{enum.name}" should have a non-empty comment for documentation.')
