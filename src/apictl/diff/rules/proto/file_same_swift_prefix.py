"""Protobuf breaking-change rule PBB340 (buf `FILE_SAME_SWIFT_PREFIX`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB340",
    name="file-same-swift-prefix",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_SWIFT_PREFIX",),
)
def file_same_swift_prefix(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's swift_prefix option changed.

    ## What it does
    Reports a file whose `swift_prefix` option differs from before (an option that is not set counts as its
    default).

    ## Why is this bad?
    The option sets the Swift type prefix; changing it changes generated code, so code built on the previous version
    stops compiling.

    ## Example
    Previous version:
    ```proto
    option swift_prefix = "ACM";
    ```
    Current version:
    ```proto
    option swift_prefix = "";
    ```

    ## Use instead
    Keep the `swift_prefix` value.

    ## References
    - buf breaking rule `FILE_SAME_SWIFT_PREFIX` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_swift_prefix
    """
    yield from file_option(pair, "swift_prefix", 39)
