from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import directory
from apictl.specs.proto.model import FILE_PACKAGE, ProtoDocument


@rule(
    code="PB205",
    name="package-same-directory",
    on="ProtoModule",
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="layout",
    buf=("PACKAGE_SAME_DIRECTORY",),
)
def package_same_directory(docs: list[ProtoDocument], ctx: ProtoRuleContext) -> Iterator[Finding]:
    """All files of a package should be in one directory.

    ## What it does
    Reports every file of a package whose files are spread over several directories.

    ## Why is this bad?
    Generators map a package to one output directory; a package split over directories yields
    duplicate or conflicting generated packages.

    ## Example
    ```proto
    // a/v1/x.proto: package acme.v1;
    // b/v1/y.proto: package acme.v1;
    ```

    ## Use instead
    ```proto
    // acme/v1/x.proto and acme/v1/y.proto: package acme.v1;
    ```

    ## References
    - buf lint rule `PACKAGE_SAME_DIRECTORY`: https://buf.build/docs/lint/rules/#package_same_directory
    """
    by_pkg: defaultdict[str, list[ProtoDocument]] = defaultdict(list)
    for doc in docs:
        if doc.package:
            by_pkg[doc.package].append(doc)
    for pkg, files in by_pkg.items():
        folders = sorted({directory(d.name) for d in files})
        if len(folders) > 1:
            for doc in files:
                yield report(
                    doc,
                    (FILE_PACKAGE,),
                    f'Multiple directories "{",".join(folders)}" contain files with package "{pkg}".',
                )
