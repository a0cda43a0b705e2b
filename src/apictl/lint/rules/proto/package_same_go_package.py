from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import same_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PB213",
    name="package-same-go-package",
    on="ProtoModule",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="consistency",
    buf=("PACKAGE_SAME_GO_PACKAGE",),
)
def package_same_go_package(docs: list[ProtoDocument], ctx: ProtoRuleContext) -> Iterator[Finding]:
    """All files of a package should have the same `go_package` option.

    ## What it does
    Reports every file of a package whose files set `option go_package` to different values (or set it
    in some files only).

    ## Why is this bad?
    Generated code for one package must land in one place; files that disagree on `go_package`
    split the package or make the generated code fail to compile.

    ## Example
    ```proto
    // a.proto: package acme.v1; option go_package = "one";
    // b.proto: package acme.v1; option go_package = "two";
    ```

    ## Use instead
    ```proto
    // a.proto and b.proto: package acme.v1; option go_package = "one";
    ```

    ## References
    - buf lint rule `PACKAGE_SAME_GO_PACKAGE`: https://buf.build/docs/lint/rules/#package_same_go_package
    """
    yield from same_option(docs, "go_package")
