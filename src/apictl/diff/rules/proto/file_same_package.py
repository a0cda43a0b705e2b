"""Protobuf breaking-change rule PBB107 (buf `FILE_SAME_PACKAGE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_value
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB107",
    name="file-same-package",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FILE_SAME_PACKAGE",),
)
def file_same_package(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's package changed.

    ## What it does
    Reports a file whose `package` differs from the previous version.

    ## Why is this bad?
    Every message, enum and service in the file gets a new fully-qualified name: RPC paths (`/pkg.Service/Method`),
    `Any` type URLs and generated code all change.

    ## Example
    Previous version:
    ```proto
    package acme.billing.v1;
    ```
    Current version:
    ```proto
    package acme.payments.v1;
    ```

    ## Use instead
    Keep the package; copy the definitions into a new file of the new package and migrate clients.

    ## References
    - buf breaking rule `FILE_SAME_PACKAGE` (categories FILE, PACKAGE, WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#file_same_package
    """
    yield from file_value(pair, pair.old.package, pair.new.package, (2,), "package")
