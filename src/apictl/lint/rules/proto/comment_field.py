from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import has_comment
from apictl.specs.proto.model import Field


@rule(
    code="PB403",
    name="comment-field",
    on="ProtoField",
    severity="warn",
    formats=PROTO,
    preset="all",
    category="docs",
    buf=("COMMENT_FIELD",),
)
def comment_field(field: Field, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Fields should have a leading comment.

    ## What it does
    Reports a field without a non-empty leading comment (buf's COMMENTS category; opt-in).
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
    - buf lint rule `COMMENT_FIELD`: https://buf.build/docs/lint/rules/#comment_field
    """
    message = field.message
    if message is None or message.is_map_entry:
        return
    if not has_comment(field):
        yield report(field.doc, field.path, f'Field "{field.name}" should have a non-empty comment for documentation.')
