from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import directory
from apictl.specs.proto.model import FILE_PACKAGE, ProtoDocument


@rule(
    code="PB203",
    name="package-directory-match",
    on="ProtoFile",
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="layout",
    buf=("PACKAGE_DIRECTORY_MATCH",),
)
def package_directory_match(doc: ProtoDocument, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Files should live in the directory that matches their package.

    ## What it does
    Reports a file with package `a.b.v1` that is not in the directory `a/b/v1` (relative to the
    module root).

    ## Why is this bad?
    Import paths and generated code locations follow the package; a mismatched directory makes
    imports surprising and breaks tooling that derives one from the other.

    ## Example
    ```proto
    // users.proto (module root)
    package acme.users.v1;
    ```

    ## Use instead
    ```proto
    // acme/users/v1/users.proto
    package acme.users.v1;
    ```

    ## References
    - buf lint rule `PACKAGE_DIRECTORY_MATCH`: https://buf.build/docs/lint/rules/#package_directory_match
    """
    pkg = doc.package
    if not pkg:
        return
    expected = pkg.replace(".", "/")
    actual = directory(doc.name)
    if actual != expected:
        yield report(
            doc,
            (FILE_PACKAGE,),
            f'Files with package "{pkg}" must be within a directory "{expected}" relative to root '
            f'but were in directory "{actual}".',
        )
