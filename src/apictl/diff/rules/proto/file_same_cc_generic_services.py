"""Protobuf breaking-change rule PBB326 (buf `FILE_SAME_CC_GENERIC_SERVICES`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB326",
    name="file-same-cc-generic-services",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_CC_GENERIC_SERVICES",),
)
def file_same_cc_generic_services(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's cc_generic_services option changed.

    ## What it does
    Reports a file whose `cc_generic_services` option differs from before (an option that is not set counts as its
    default).

    ## Why is this bad?
    The option sets C++ generic service stubs; changing it changes generated code, so code built on the previous
    version stops compiling.

    ## Example
    Previous version:
    ```proto
    option cc_generic_services = true;
    ```
    Current version:
    ```proto
    // cc_generic_services removed
    ```

    ## Use instead
    Keep the `cc_generic_services` value.

    ## References
    - buf breaking rule `FILE_SAME_CC_GENERIC_SERVICES` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_cc_generic_services
    """
    yield from file_option(pair, "cc_generic_services", 16)
