"""Protobuf breaking-change rule PBB311 (buf `FIELD_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import MESSAGE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, field_deleted
from apictl.specs.proto.model import Message


@rule(
    code="PBB311",
    name="field-no-delete",
    on=MESSAGE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FIELD_NO_DELETE",),
)
def field_no_delete(pair: Pair[Message], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field was deleted.

    ## What it does
    Reports a field number of a message that the current version no longer has, reserved or not.

    ## Why is this bad?
    Generated code that reads or writes the field stops compiling.

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
    Keep the field and mark it `[deprecated = true]`; use the WIRE or WIRE_JSON categories if only the wire format
    matters, and reserve the number and name when deleting.

    ## References
    - buf breaking rule `FIELD_NO_DELETE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#field_no_delete
    """
    yield from field_deleted(pair, ctx)
