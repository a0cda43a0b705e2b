"""Protobuf breaking-change rule PBB308 (buf `PACKAGE_ENUM_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.index import SideIndex
from apictl.diff.proto.model import SIDES, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, deleted_from_package


@rule(
    code="PBB308",
    name="package-enum-no-delete",
    on=SIDES,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("PACKAGE_ENUM_NO_DELETE",),
)
def package_enum_no_delete(pair: Pair[SideIndex], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An enum was deleted from a package.

    ## What it does
    Reports an enum of a package that no file of the package declares any more (moving it to another file of the
    same package is fine).

    ## Why is this bad?
    Code generated per package (Go, Java with multiple files) that refers to the enum stops compiling.

    ## Example
    Previous version:
    ```proto
    package acme.v1;
    enum Color { COLOR_UNSPECIFIED = 0; }
    ```
    Current version:
    ```proto
    package acme.v1;
    // enum gone from every file of the package
    ```

    ## Use instead
    Keep the enum and mark it deprecated.

    ## References
    - buf breaking rule `PACKAGE_ENUM_NO_DELETE` (categories PACKAGE):
      https://buf.build/docs/breaking/rules/#package_enum_no_delete
    """
    yield from deleted_from_package("enum", pair, "file_enums")
