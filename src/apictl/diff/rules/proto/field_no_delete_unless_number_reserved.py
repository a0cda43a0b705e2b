"""Protobuf breaking-change rule PBB101 (buf `FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import MESSAGE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, field_deleted
from apictl.specs.proto.model import Message


@rule(
    code="PBB101",
    name="field-no-delete-unless-number-reserved",
    on=MESSAGE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",),
)
def field_no_delete_unless_number_reserved(pair: Pair[Message], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field was deleted without reserving its number.

    ## What it does
    Reports a field number of a message that is gone from the current version and not listed in the message's
    `reserved` numbers.

    ## Why is this bad?
    A later field may reuse the number with another type; old clients and stored data then decode it as the wrong
    field.

    ## Example
    Previous version:
    ```proto
    message User {
      string name = 1;
      string email = 2;
    }
    ```
    Current version:
    ```proto
    message User {
      string name = 1;
    }
    ```

    ## Use instead
    ```proto
    message User {
      reserved 2;
      string name = 1;
    }
    ```

    ## References
    - buf breaking rule `FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED` (categories WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#field_no_delete_unless_number_reserved
    """
    yield from field_deleted(pair, ctx, unless_number=True)
