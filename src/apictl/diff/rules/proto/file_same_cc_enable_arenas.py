"""Protobuf breaking-change rule PBB325 (buf `FILE_SAME_CC_ENABLE_ARENAS`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB325",
    name="file-same-cc-enable-arenas",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_CC_ENABLE_ARENAS",),
)
def file_same_cc_enable_arenas(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's cc_enable_arenas option changed.

    ## What it does
    Reports a file whose `cc_enable_arenas` option differs from before (an option that is not set counts as its
    default).

    ## Why is this bad?
    The option sets C++ arena allocation; changing it changes generated code, so code built on the previous version
    stops compiling.

    ## Example
    Previous version:
    ```proto
    option cc_enable_arenas = false;
    ```
    Current version:
    ```proto
    option cc_enable_arenas = true;
    ```

    ## Use instead
    Keep the `cc_enable_arenas` value.

    ## References
    - buf breaking rule `FILE_SAME_CC_ENABLE_ARENAS` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_cc_enable_arenas
    """
    yield from file_option(pair, "cc_enable_arenas", 31)
