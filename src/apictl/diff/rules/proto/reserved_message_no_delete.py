"""Protobuf breaking-change rule PBB110 (buf `RESERVED_MESSAGE_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import MESSAGE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, reserved_names, tag_ranges
from apictl.specs.proto.model import Message


@rule(
    code="PBB110",
    name="reserved-message-no-delete",
    on=MESSAGE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("RESERVED_MESSAGE_NO_DELETE",),
)
def reserved_message_no_delete(pair: Pair[Message], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A message's reserved numbers or names were removed.

    ## What it does
    Reports reserved ranges of a message that no longer cover all their numbers, and reserved names that are gone.

    ## Why is this bad?
    A reservation protects a deleted field's number or name from reuse; dropping it lets a new field take it and be
    misread by old peers.

    ## Example
    Previous version:
    ```proto
    message User {
      reserved 4 to 6;
      reserved "email";
    }
    ```
    Current version:
    ```proto
    message User {
      reserved 4;
    }
    ```

    ## Use instead
    Keep every reservation; add new ones as fields are deleted.

    ## References
    - buf breaking rule `RESERVED_MESSAGE_NO_DELETE` (categories FILE, PACKAGE, WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#reserved_message_no_delete
    """
    yield from tag_ranges(pair, "reserved")
    yield from reserved_names(pair)
