"""Protobuf breaking-change rule PBB327 (buf `FILE_SAME_CSHARP_NAMESPACE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB327",
    name="file-same-csharp-namespace",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_CSHARP_NAMESPACE",),
)
def file_same_csharp_namespace(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's csharp_namespace option changed.

    ## What it does
    Reports a file whose `csharp_namespace` option differs from before (an option that is not set counts as its
    default).

    ## Why is this bad?
    The option sets the C# namespace of generated classes; changing it changes generated code, so code built on the
    previous version stops compiling.

    ## Example
    Previous version:
    ```proto
    option csharp_namespace = "Acme.V1";
    ```
    Current version:
    ```proto
    option csharp_namespace = "Acme.Api.V1";
    ```

    ## Use instead
    Keep the `csharp_namespace` value.

    ## References
    - buf breaking rule `FILE_SAME_CSHARP_NAMESPACE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_csharp_namespace
    """
    yield from file_option(pair, "csharp_namespace", 37)
