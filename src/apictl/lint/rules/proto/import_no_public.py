from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.specs.proto.model import FILE_DEPENDENCY, ProtoDocument


@rule(
    code="PB209",
    name="import-no-public",
    on="ProtoFile",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="correctness",
    buf=("IMPORT_NO_PUBLIC",),
)
def import_no_public(doc: ProtoDocument, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Imports should not be `public`.

    ## What it does
    Reports an `import public` statement.

    ## Why is this bad?
    Public imports re-export another file's types through this file; many code generators (Go,
    for one) do not support them, and they hide the real dependency.

    ## Example
    ```proto
    import public "acme/common/v1/money.proto";
    ```

    ## Use instead
    ```proto
    import "acme/common/v1/money.proto";
    ```

    ## References
    - buf lint rule `IMPORT_NO_PUBLIC`: https://buf.build/docs/lint/rules/#import_no_public
    """
    deps = doc.fd.dependency
    for i in doc.fd.public_dependency:
        yield report(doc, (FILE_DEPENDENCY, i), f'Import "{deps[i]}" must not be public.')
