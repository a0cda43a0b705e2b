"""Protobuf breaking-change rule PBB330 (buf `FILE_SAME_JAVA_MULTIPLE_FILES`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB330",
    name="file-same-java-multiple-files",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_JAVA_MULTIPLE_FILES",),
)
def file_same_java_multiple_files(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's java_multiple_files option changed.

    ## What it does
    Reports a file whose `java_multiple_files` option differs from before (an option that is not set counts as its
    default).

    ## Why is this bad?
    The option sets whether Java classes are nested in one outer class; changing it changes generated code, so code
    built on the previous version stops compiling.

    ## Example
    Previous version:
    ```proto
    option java_multiple_files = true;
    ```
    Current version:
    ```proto
    option java_multiple_files = false;
    ```

    ## Use instead
    Keep the `java_multiple_files` value.

    ## References
    - buf breaking rule `FILE_SAME_JAVA_MULTIPLE_FILES` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_java_multiple_files
    """
    yield from file_option(pair, "java_multiple_files", 10)
