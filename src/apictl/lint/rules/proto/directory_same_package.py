from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import directory
from apictl.specs.proto.model import FILE_PACKAGE, ProtoDocument


@rule(
    code="PB201",
    name="directory-same-package",
    on="ProtoModule",
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="layout",
    buf=("DIRECTORY_SAME_PACKAGE",),
)
def directory_same_package(docs: list[ProtoDocument], ctx: ProtoRuleContext) -> Iterator[Finding]:
    """All files in a directory should share one package.

    ## What it does
    Reports every file of a directory whose files declare more than one package.

    ## Why is this bad?
    Code generators for Go, Java and others map one directory to one package; mixing packages
    in a directory produces code that does not compile or is split unpredictably.

    ## Example
    ```proto
    // foo/v1/a.proto
    package foo.v1;
    // foo/v1/b.proto
    package bar.v1;
    ```

    ## Use instead
    ```proto
    // foo/v1/a.proto
    package foo.v1;
    // foo/v1/b.proto
    package foo.v1;
    ```

    ## References
    - buf lint rule `DIRECTORY_SAME_PACKAGE`: https://buf.build/docs/lint/rules/#directory_same_package
    """
    by_dir: defaultdict[str, list[ProtoDocument]] = defaultdict(list)
    for doc in docs:
        by_dir[directory(doc.name)].append(doc)
    for folder, files in by_dir.items():
        packages = sorted({d.package for d in files})
        if len(packages) > 1:
            for doc in files:
                yield report(
                    doc,
                    (FILE_PACKAGE,),
                    f'Multiple packages "{",".join(packages)}" detected within directory "{folder}".',
                )
