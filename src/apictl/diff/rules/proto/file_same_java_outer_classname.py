"""Protobuf breaking-change rule PBB331 (buf `FILE_SAME_JAVA_OUTER_CLASSNAME`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB331",
    name="file-same-java-outer-classname",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_JAVA_OUTER_CLASSNAME",),
)
def file_same_java_outer_classname(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's java_outer_classname option changed.

    ## What it does
    Reports a file whose `java_outer_classname` option differs from before (an option that is not set counts as its
    default).

    ## Why is this bad?
    The option sets the Java outer class name; changing it changes generated code, so code built on the previous
    version stops compiling.

    ## Example
    Previous version:
    ```proto
    option java_outer_classname = "UserProto";
    ```
    Current version:
    ```proto
    option java_outer_classname = "UserProtos";
    ```

    ## Use instead
    Keep the `java_outer_classname` value.

    ## References
    - buf breaking rule `FILE_SAME_JAVA_OUTER_CLASSNAME` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_java_outer_classname
    """
    yield from file_option(pair, "java_outer_classname", 8)
