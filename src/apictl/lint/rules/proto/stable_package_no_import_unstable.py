from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._versions import is_stable, is_unstable
from apictl.specs.proto.model import FILE_DEPENDENCY, ProtoDocument


@rule(
    code="PB220",
    name="stable-package-no-import-unstable",
    on="ProtoFile",
    severity="warn",
    formats=PROTO,
    preset="all",
    category="correctness",
    buf=("STABLE_PACKAGE_NO_IMPORT_UNSTABLE",),
)
def stable_package_no_import_unstable(doc: ProtoDocument, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Stable packages should not import unstable (alpha, beta, test) packages.

    ## What it does
    Reports an import, in a file whose package ends in a stable version (`v1`), of a file whose
    package ends in an unstable one (`v1alpha1`, `v1beta1`, `v1test`).

    ## Why is this bad?
    A stable API promises compatibility; depending on an unstable package, which may change
    without notice, breaks that promise.

    ## Example
    ```proto
    package acme.v1;
    import "acme/beta/v1beta1/x.proto";
    ```

    ## Use instead
    ```proto
    // move the types into a stable package, or version this one v1beta1
    ```

    ## References
    - buf lint rule `STABLE_PACKAGE_NO_IMPORT_UNSTABLE`: https://buf.build/docs/lint/rules/#stable_package_no_import_unstable
    """
    pkg = doc.package
    if not pkg or not is_stable(pkg.rsplit(".", 1)[-1]):
        return
    for i, dep in enumerate(doc.fd.dependency):
        target = ctx.files.get(dep)
        if target is None or not target.package:
            continue
        if is_unstable(target.package.rsplit(".", 1)[-1]):
            yield report(
                doc,
                (FILE_DEPENDENCY, i),
                f'This file is in stable package "{pkg}", so it should not depend on "{dep}" from unstable package '
                f'"{target.package}".',
            )
