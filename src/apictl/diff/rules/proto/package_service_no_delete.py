"""Protobuf breaking-change rule PBB310 (buf `PACKAGE_SERVICE_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.index import SideIndex
from apictl.diff.proto.model import SIDES, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, deleted_from_package


@rule(
    code="PBB310",
    name="package-service-no-delete",
    on=SIDES,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("PACKAGE_SERVICE_NO_DELETE",),
)
def package_service_no_delete(pair: Pair[SideIndex], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A service was deleted from a package.

    ## What it does
    Reports a service of a package that no file of the package declares any more (moving it to another file of the
    same package is fine).

    ## Why is this bad?
    Code generated per package (Go, Java with multiple files) that refers to the service stops compiling.

    ## Example
    Previous version:
    ```proto
    package acme.v1;
    service UserService {}
    ```
    Current version:
    ```proto
    package acme.v1;
    // service gone from every file of the package
    ```

    ## Use instead
    Keep the service and mark it deprecated.

    ## References
    - buf breaking rule `PACKAGE_SERVICE_NO_DELETE` (categories PACKAGE):
      https://buf.build/docs/breaking/rules/#package_service_no_delete
    """
    yield from deleted_from_package("service", pair, "file_services")
