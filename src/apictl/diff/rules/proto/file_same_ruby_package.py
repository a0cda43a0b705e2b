"""Protobuf breaking-change rule PBB339 (buf `FILE_SAME_RUBY_PACKAGE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB339",
    name="file-same-ruby-package",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_RUBY_PACKAGE",),
)
def file_same_ruby_package(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's ruby_package option changed.

    ## What it does
    Reports a file whose `ruby_package` option differs from before (an option that is not set counts as its
    default).

    ## Why is this bad?
    The option sets the Ruby module; changing it changes generated code, so code built on the previous version stops
    compiling.

    ## Example
    Previous version:
    ```proto
    option ruby_package = "Acme::V1";
    ```
    Current version:
    ```proto
    option ruby_package = "Acme::Api::V1";
    ```

    ## Use instead
    Keep the `ruby_package` value.

    ## References
    - buf breaking rule `FILE_SAME_RUBY_PACKAGE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_ruby_package
    """
    yield from file_option(pair, "ruby_package", 45)
