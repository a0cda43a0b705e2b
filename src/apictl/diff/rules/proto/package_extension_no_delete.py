"""Protobuf breaking-change rule PBB309 (buf `PACKAGE_EXTENSION_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.index import SideIndex
from apictl.diff.proto.model import SIDES, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, deleted_from_package


@rule(
    code="PBB309",
    name="package-extension-no-delete",
    on=SIDES,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("PACKAGE_EXTENSION_NO_DELETE",),
)
def package_extension_no_delete(pair: Pair[SideIndex], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An extension was deleted from a package.

    ## What it does
    Reports an extension of a package that no file of the package declares any more (moving it to another file of
    the same package is fine).

    ## Why is this bad?
    Code generated per package (Go, Java with multiple files) that refers to the extension stops compiling.

    ## Example
    Previous version:
    ```proto
    package acme.v1;
    extend google.protobuf.FieldOptions { string unit = 50000; }
    ```
    Current version:
    ```proto
    package acme.v1;
    // extension gone from every file of the package
    ```

    ## Use instead
    Keep the extension and mark it deprecated.

    ## References
    - buf breaking rule `PACKAGE_EXTENSION_NO_DELETE` (categories PACKAGE):
      https://buf.build/docs/breaking/rules/#package_extension_no_delete
    """
    yield from deleted_from_package("extension", pair, "file_extensions")
