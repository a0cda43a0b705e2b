from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import has_comment
from apictl.specs.proto.model import Method


@rule(
    code="PB406",
    name="comment-rpc",
    on="ProtoMethod",
    severity="warn",
    formats=PROTO,
    preset="all",
    category="docs",
    buf=("COMMENT_RPC",),
)
def comment_rpc(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """RPCs should have a leading comment.

    ## What it does
    Reports a rpc without a non-empty leading comment (buf's COMMENTS category; opt-in).
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
    - buf lint rule `COMMENT_RPC`: https://buf.build/docs/lint/rules/#comment_rpc
    """
    if not has_comment(method):
        yield report(method.doc, method.path, f'RPC "{method.name}" should have a non-empty comment for documentation.')
