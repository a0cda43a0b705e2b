from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._versions import VERSION
from apictl.specs.proto.model import FILE_PACKAGE, ProtoDocument


@rule(
    code="PB112",
    name="package-version-suffix",
    on="ProtoFile",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("PACKAGE_VERSION_SUFFIX",),
)
def package_version_suffix(doc: ProtoDocument, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Packages should end with a version component such as `v1`.

    ## What it does
    Reports a package whose last component is not a version: `v1`, `v1beta1`, `v1alpha2`,
    `v1p1beta1` or `v1test…` (numbers from 1).

    ## Why is this bad?
    Without a version in the package there is no way to ship an incompatible v2 next to v1;
    every breaking change then breaks every client at once.

    ## Example
    ```proto
    package acme.users;
    ```

    ## Use instead
    ```proto
    package acme.users.v1;
    ```

    ## References
    - buf lint rule `PACKAGE_VERSION_SUFFIX`: https://buf.build/docs/lint/rules/#package_version_suffix
    """
    pkg = doc.package
    if pkg and not VERSION.fullmatch(pkg.rsplit(".", 1)[-1]):
        yield report(
            doc,
            (FILE_PACKAGE,),
            f'Package name "{pkg}" should be suffixed with a correctly formed version, such as "{pkg}.v1".',
        )
