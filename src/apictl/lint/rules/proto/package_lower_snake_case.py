from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import to_lower_snake
from apictl.specs.proto.model import FILE_PACKAGE, ProtoDocument


@rule(
    code="PB106",
    name="package-lower-snake-case",
    on="ProtoFile",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("PACKAGE_LOWER_SNAKE_CASE",),
)
def package_lower_snake_case(doc: ProtoDocument, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Package names should be lower_snake.case.

    ## What it does
    Reports a package whose dot-separated components are not lower_snake_case.

    ## Why is this bad?
    Package names become namespaces and import paths in generated code; mixed case breaks
    languages with case-insensitive file systems and style conventions.

    ## Example
    ```proto
    package Acme.UserAPI.v1;
    ```

    ## Use instead
    ```proto
    package acme.user_api.v1;
    ```

    ## References
    - buf lint rule `PACKAGE_LOWER_SNAKE_CASE`: https://buf.build/docs/lint/rules/#package_lower_snake_case
    """
    pkg = doc.package
    if not pkg:
        return
    expected = ".".join(to_lower_snake(part) for part in pkg.split("."))
    if pkg != expected:
        yield report(doc, (FILE_PACKAGE,), f'Package name "{pkg}" should be lower_snake.case, such as "{expected}".')
