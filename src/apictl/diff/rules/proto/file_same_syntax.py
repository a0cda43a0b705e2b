"""Protobuf breaking-change rule PBB324 (buf `FILE_SAME_SYNTAX`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_value, proto_syntax
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB324",
    name="file-same-syntax",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_SYNTAX",),
)
def file_same_syntax(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's syntax changed.

    ## What it does
    Reports a file whose `syntax` (proto2, proto3) or use of editions differs from before.

    ## Why is this bad?
    Syntax decides presence, enum openness, default values and UTF-8 checks, so generated code and behaviour change.

    ## Example
    Previous version:
    ```proto
    syntax = "proto2";
    ```
    Current version:
    ```proto
    syntax = "proto3";
    ```

    ## Use instead
    Keep the syntax.

    ## References
    - buf breaking rule `FILE_SAME_SYNTAX` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_syntax
    """
    yield from file_value(pair, proto_syntax(pair.old), proto_syntax(pair.new), (12,), "syntax")
