from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import find_path, package_graph
from apictl.specs.proto.model import FILE_DEPENDENCY, ProtoDocument


@rule(
    code="PB204",
    name="package-no-import-cycle",
    on="ProtoModule",
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="layout",
    buf=("PACKAGE_NO_IMPORT_CYCLE",),
)
def package_no_import_cycle(docs: list[ProtoDocument], ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Packages should not import each other in a cycle.

    ## What it does
    Reports an import that closes a cycle between packages (a file of package A imports a file of
    package B, whose files import, directly or not, package A).

    ## Why is this bad?
    Languages that compile a package as a unit (Go, and others) cannot build packages that import
    each other.

    ## Example
    ```proto
    // a/v1/a.proto: package a.v1; import "b/v1/b.proto";
    // b/v1/b.proto: package b.v1; import "a/v1/a.proto";
    ```

    ## Use instead
    ```proto
    // move the shared types into a third package both import
    ```

    ## References
    - buf lint rule `PACKAGE_NO_IMPORT_CYCLE`: https://buf.build/docs/lint/rules/#package_no_import_cycle
    """
    graph = package_graph(ctx.files)
    for doc in docs:
        pkg = doc.package
        for i, dep in enumerate(doc.fd.dependency):
            target = ctx.files.get(dep)
            if target is None or not target.package or target.package == pkg:
                continue
            cycle = find_path(graph, target.package, pkg)
            if cycle:
                text = " -> ".join([pkg, *cycle])
                yield report(doc, (FILE_DEPENDENCY, i), f"Package import cycle: {text}")
