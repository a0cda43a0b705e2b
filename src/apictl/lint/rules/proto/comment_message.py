from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import has_comment
from apictl.specs.proto.model import Message


@rule(
    code="PB404",
    name="comment-message",
    on="ProtoMessage",
    severity="warn",
    formats=PROTO,
    preset="all",
    category="docs",
    buf=("COMMENT_MESSAGE",),
)
def comment_message(message: Message, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Messages should have a leading comment.

    ## What it does
    Reports a message without a non-empty leading comment (buf's COMMENTS category; opt-in).
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
    - buf lint rule `COMMENT_MESSAGE`: https://buf.build/docs/lint/rules/#comment_message
    """
    if message.is_map_entry:
        return
    if not has_comment(message):
        yield report(
            message.doc, message.path, f'Message "{message.name}" should have a non-empty comment for documentation.'
        )
