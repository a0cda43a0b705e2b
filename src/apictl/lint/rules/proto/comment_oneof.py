from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import has_comment
from apictl.specs.proto.model import Oneof


@rule(
    code="PB405",
    name="comment-oneof",
    on="ProtoOneof",
    severity="warn",
    formats=PROTO,
    preset="all",
    category="docs",
    buf=("COMMENT_ONEOF",),
)
def comment_oneof(oneof: Oneof, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Oneofs should have a leading comment.

    ## What it does
    Reports a oneof without a non-empty leading comment (buf's COMMENTS category; opt-in).
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
    - buf lint rule `COMMENT_ONEOF`: https://buf.build/docs/lint/rules/#comment_oneof
    """
    if oneof.parent is None or oneof.is_synthetic(oneof.parent.desc):
        return
    if not has_comment(oneof):
        yield report(oneof.doc, oneof.path, f'Oneof "{oneof.name}" should have a non-empty comment for documentation.')
