"""Protobuf breaking-change rule PBB201 (buf `FIELD_NO_DELETE_UNLESS_NAME_RESERVED`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import MESSAGE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, field_deleted
from apictl.specs.proto.model import Message


@rule(
    code="PBB201",
    name="field-no-delete-unless-name-reserved",
    on=MESSAGE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FIELD_NO_DELETE_UNLESS_NAME_RESERVED",),
)
def field_no_delete_unless_name_reserved(pair: Pair[Message], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field was deleted without reserving its name.

    ## What it does
    Reports a field number of a message that is gone from the current version while its name is not in the message's
    `reserved` names.

    ## Why is this bad?
    The JSON encoding uses field names: a later field reusing the name is read from old JSON documents with the
    wrong meaning.

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
      reserved "email";
      string name = 1;
    }
    ```

    ## References
    - buf breaking rule `FIELD_NO_DELETE_UNLESS_NAME_RESERVED` (categories WIRE_JSON):
      https://buf.build/docs/breaking/rules/#field_no_delete_unless_name_reserved
    """
    yield from field_deleted(pair, ctx, unless_name=True)
