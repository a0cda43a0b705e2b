from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import has_comment
from apictl.specs.proto.model import Service


@rule(
    code="PB407",
    name="comment-service",
    on="ProtoService",
    severity="warn",
    formats=PROTO,
    preset="all",
    category="docs",
    buf=("COMMENT_SERVICE",),
)
def comment_service(service: Service, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Services should have a leading comment.

    ## What it does
    Reports a service without a non-empty leading comment (buf's COMMENTS category; opt-in).
    A comment that only holds `buf:lint:ignore` directives does not count.

    ## Why is this bad?
    Comments on the schema are the API's reference documentation; generated code and API
    explorers show them to every consumer.

    ## Example
    ```proto
    service X {}
    ```

    ## Use instead
    ```proto
    // X is what it is for.
    service X {}
    ```

    ## References
    - buf lint rule `COMMENT_SERVICE`: https://buf.build/docs/lint/rules/#comment_service
    """
    if not has_comment(service):
        yield report(
            service.doc, service.path, f'Service "{service.name}" should have a non-empty comment for documentation.'
        )
