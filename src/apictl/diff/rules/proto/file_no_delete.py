"""Protobuf breaking-change rule PBB301 (buf `FILE_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.index import SideIndex
from apictl.diff.proto.model import SIDES, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, q


@rule(
    code="PBB301",
    name="file-no-delete",
    on=SIDES,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FILE_NO_DELETE",),
)
def file_no_delete(pair: Pair[SideIndex], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A file was deleted.

    ## What it does
    Reports a file of the previous version that the current version does not have (a moved file counts as deleted).

    ## Why is this bad?
    Generated code is organised per file: imports of the file's generated module (Go package path, Python module,
    C++ header) stop compiling.

    ## Example
    Previous version:
    ```proto
    // acme/v1/user.proto
    message User {}
    ```
    Current version:
    ```proto
    // acme/v1/user.proto: gone
    ```

    ## Use instead
    Keep the file; deprecate its contents instead of deleting them, or use the PACKAGE category when only packages
    matter.

    ## References
    - buf breaking rule `FILE_NO_DELETE` (categories FILE):
      https://buf.build/docs/breaking/rules/#file_no_delete
    """
    for name, doc in pair.old.files.items():
        if name not in pair.new.files:
            yield ProtoBreak(f"Previously present file {q(name)} was deleted.", None, None, old_file=doc)
