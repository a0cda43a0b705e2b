"""Protobuf breaking-change rule PBB336 (buf `FILE_SAME_PHP_METADATA_NAMESPACE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, file_option
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB336",
    name="file-same-php-metadata-namespace",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_SAME_PHP_METADATA_NAMESPACE",),
)
def file_same_php_metadata_namespace(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file's php_metadata_namespace option changed.

    ## What it does
    Reports a file whose `php_metadata_namespace` option differs from before (an option that is not set counts as
    its default).

    ## Why is this bad?
    The option sets the PHP metadata namespace; changing it changes generated code, so code built on the previous
    version stops compiling.

    ## Example
    Previous version:
    ```proto
    option php_metadata_namespace = "Acme\\V1\\Meta";
    ```
    Current version:
    ```proto
    option php_metadata_namespace = "Acme\\Meta";
    ```

    ## Use instead
    Keep the `php_metadata_namespace` value.

    ## References
    - buf breaking rule `FILE_SAME_PHP_METADATA_NAMESPACE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#file_same_php_metadata_namespace
    """
    yield from file_option(pair, "php_metadata_namespace", 44)
