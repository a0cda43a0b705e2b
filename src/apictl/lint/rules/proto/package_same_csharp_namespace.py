from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import same_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PB212",
    name="package-same-csharp-namespace",
    on="ProtoModule",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="consistency",
    buf=("PACKAGE_SAME_CSHARP_NAMESPACE",),
)
def package_same_csharp_namespace(docs: list[ProtoDocument], ctx: ProtoRuleContext) -> Iterator[Finding]:
    """All files of a package should have the same `csharp_namespace` option.

    ## What it does
    Reports every file of a package whose files set `option csharp_namespace` to different values (or set it
    in some files only).

    ## Why is this bad?
    Generated code for one package must land in one place; files that disagree on `csharp_namespace`
    split the package or make the generated code fail to compile.

    ## Example
    ```proto
    // a.proto: package acme.v1; option csharp_namespace = "one";
    // b.proto: package acme.v1; option csharp_namespace = "two";
    ```

    ## Use instead
    ```proto
    // a.proto and b.proto: package acme.v1; option csharp_namespace = "one";
    ```

    ## References
    - buf lint rule `PACKAGE_SAME_CSHARP_NAMESPACE`: https://buf.build/docs/lint/rules/#package_same_csharp_namespace
    """
    yield from same_option(docs, "csharp_namespace")
