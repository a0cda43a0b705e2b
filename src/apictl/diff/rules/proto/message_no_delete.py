"""Protobuf breaking-change rule PBB302 (buf `MESSAGE_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, deleted_from_file
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB302",
    name="message-no-delete",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("MESSAGE_NO_DELETE",),
)
def message_no_delete(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A message was deleted from a file.

    ## What it does
    Reports a message (top-level or nested) of a file that the same file no longer declares. It is reported on the
    innermost enclosing message that still exists, else on the file.

    ## Why is this bad?
    Generated code that refers to the message stops compiling; peers that send it can no longer be decoded.

    ## Example
    Previous version:
    ```proto
    message User {}
    message Address {}
    ```
    Current version:
    ```proto
    message User {}
    ```

    ## Use instead
    Keep the message and mark it deprecated.

    ## References
    - buf breaking rule `MESSAGE_NO_DELETE` (categories FILE):
      https://buf.build/docs/breaking/rules/#message_no_delete
    """
    name = pair.old.name
    yield from deleted_from_file(
        "message",
        pair,
        dict(ctx.old.file_messages.get(name, {})),
        dict(ctx.new.file_messages.get(name, {})),
        ctx.new.file_messages.get(name, {}),
    )
