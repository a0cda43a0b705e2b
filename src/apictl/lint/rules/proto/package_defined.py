from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PB202",
    name="package-defined",
    on="ProtoFile",
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="layout",
    buf=("PACKAGE_DEFINED",),
)
def package_defined(doc: ProtoDocument, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Every file should declare a package.

    ## What it does
    Reports a file without a `package` statement.

    ## Why is this bad?
    Without a package every type lives in the global namespace, where any other file's type of
    the same name collides with it.

    ## Example
    ```proto
    syntax = "proto3";
    message User {}
    ```

    ## Use instead
    ```proto
    syntax = "proto3";
    package acme.users.v1;
    message User {}
    ```

    ## References
    - buf lint rule `PACKAGE_DEFINED`: https://buf.build/docs/lint/rules/#package_defined
    """
    if not doc.package:
        yield report(doc, (), "Files must have a package defined.")
