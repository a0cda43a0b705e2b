"""Protobuf breaking-change rule PBB334 (buf `FILE_SAME_OPTIMIZE_FOR`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB334",
    name="file-same-optimize-for",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_OPTIMIZE_FOR",),
)
def file_same_optimize_for(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's optimize_for option changed.

    ## What it does
    Reports a file whose `optimize_for` option differs from before (an option that is not set counts as its
    default).

    ## Why is this bad?
    The option sets what the generated C++/Java code is optimised for (and which base class it uses); changing it
    changes generated code, so code built on the previous version stops compiling.

    ## Example
    Previous version:
    ```proto
    option optimize_for = SPEED;
    ```
    Current version:
    ```proto
    option optimize_for = LITE_RUNTIME;
    ```

    ## Use instead
    Keep the `optimize_for` value.

    ## References
    - buf breaking rule `FILE_SAME_OPTIMIZE_FOR` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_optimize_for
    """
    yield from file_option(pair, "optimize_for", 9)
