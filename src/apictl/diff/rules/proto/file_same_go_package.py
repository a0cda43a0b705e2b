"""Protobuf breaking-change rule PBB328 (buf `FILE_SAME_GO_PACKAGE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB328",
    name="file-same-go-package",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_GO_PACKAGE",),
)
def file_same_go_package(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's go_package option changed.

    ## What it does
    Reports a file whose `go_package` option differs from before (an option that is not set counts as its default).

    ## Why is this bad?
    The option sets the Go import path and package name; changing it changes generated code, so code built on the
    previous version stops compiling.

    ## Example
    Previous version:
    ```proto
    option go_package = "example.com/acme/v1;acmev1";
    ```
    Current version:
    ```proto
    option go_package = "example.com/acme/api/v1;apiv1";
    ```

    ## Use instead
    Keep the `go_package` value.

    ## References
    - buf breaking rule `FILE_SAME_GO_PACKAGE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_go_package
    """
    yield from file_option(pair, "go_package", 11)
