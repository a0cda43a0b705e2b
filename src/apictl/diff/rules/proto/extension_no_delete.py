"""Protobuf breaking-change rule PBB304 (buf `EXTENSION_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, deleted_from_file
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB304",
    name="extension-no-delete",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("EXTENSION_NO_DELETE",),
)
def extension_no_delete(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An extension was deleted from a file.

    ## What it does
    Reports an extension (top-level or nested) of a file that the same file no longer declares. It is reported on
    the innermost enclosing message that still exists, else on the file.

    ## Why is this bad?
    Generated code that refers to the extension stops compiling; options or fields set through it are lost.

    ## Example
    Previous version:
    ```proto
    extend google.protobuf.FieldOptions { string unit = 50000; }
    ```
    Current version:
    ```proto
    // the extension is gone
    ```

    ## Use instead
    Keep the extension and mark it deprecated.

    ## References
    - buf breaking rule `EXTENSION_NO_DELETE` (categories FILE):
      https://buf.build/docs/breaking/rules/#extension_no_delete
    """
    name = pair.old.name
    yield from deleted_from_file(
        "extension",
        pair,
        dict(ctx.old.file_extensions.get(name, {})),
        dict(ctx.new.file_extensions.get(name, {})),
        ctx.new.file_messages.get(name, {}),
    )
