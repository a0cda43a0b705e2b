"""Protobuf breaking-change rule PBB306 (buf `PACKAGE_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.index import SideIndex
from apictl.diff.proto.model import SIDES, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, q


@rule(
    code="PBB306",
    name="package-no-delete",
    on=SIDES,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("PACKAGE_NO_DELETE",),
)
def package_no_delete(pair: Pair[SideIndex], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A package was deleted.

    ## What it does
    Reports a package that no file of the current version declares any more.

    ## Why is this bad?
    Everything in the package is gone: its services, messages and enums, and the generated packages built from them.

    ## Example
    Previous version:
    ```proto
    package acme.legacy.v1;
    ```
    Current version:
    ```proto
    // no file declares acme.legacy.v1 any more
    ```

    ## Use instead
    Keep the package; deprecate its contents.

    ## References
    - buf breaking rule `PACKAGE_NO_DELETE` (categories PACKAGE):
      https://buf.build/docs/breaking/rules/#package_no_delete
    """
    for package, docs in pair.old.packages.items():
        if package not in pair.new.packages:
            first_file = min(docs, key=lambda d: d.name)
            yield ProtoBreak(f"Previously present package {q(package)} was deleted.", None, None, old_file=first_file)
