"""Protobuf breaking-change rule PBB333 (buf `FILE_SAME_OBJC_CLASS_PREFIX`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB333",
    name="file-same-objc-class-prefix",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_OBJC_CLASS_PREFIX",),
)
def file_same_objc_class_prefix(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's objc_class_prefix option changed.

    ## What it does
    Reports a file whose `objc_class_prefix` option differs from before (an option that is not set counts as its
    default).

    ## Why is this bad?
    The option sets the Objective-C class prefix; changing it changes generated code, so code built on the previous
    version stops compiling.

    ## Example
    Previous version:
    ```proto
    option objc_class_prefix = "ACM";
    ```
    Current version:
    ```proto
    option objc_class_prefix = "ACME";
    ```

    ## Use instead
    Keep the `objc_class_prefix` value.

    ## References
    - buf breaking rule `FILE_SAME_OBJC_CLASS_PREFIX` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_objc_class_prefix
    """
    yield from file_option(pair, "objc_class_prefix", 36)
