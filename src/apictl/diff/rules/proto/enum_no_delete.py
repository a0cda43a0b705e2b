"""Protobuf breaking-change rule PBB303 (buf `ENUM_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, deleted_from_file
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB303",
    name="enum-no-delete",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("ENUM_NO_DELETE",),
)
def enum_no_delete(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An enum was deleted from a file.

    ## What it does
    Reports an enum (top-level or nested) of a file that the same file no longer declares. It is reported on the
    innermost enclosing message that still exists, else on the file.

    ## Why is this bad?
    Generated code that refers to the enum stops compiling; peers that send it can no longer be decoded.

    ## Example
    Previous version:
    ```proto
    enum Color { COLOR_UNSPECIFIED = 0; }
    ```
    Current version:
    ```proto
    // Color is gone
    ```

    ## Use instead
    Keep the enum and mark it deprecated.

    ## References
    - buf breaking rule `ENUM_NO_DELETE` (categories FILE):
      https://buf.build/docs/breaking/rules/#enum_no_delete
    """
    name = pair.old.name
    yield from deleted_from_file(
        "enum",
        pair,
        dict(ctx.old.file_enums.get(name, {})),
        dict(ctx.new.file_enums.get(name, {})),
        ctx.new.file_messages.get(name, {}),
    )
