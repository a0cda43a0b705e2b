"""Protobuf breaking-change rule PBB108 (buf `MESSAGE_SAME_REQUIRED_FIELDS`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import MESSAGE_PAIR, Pair, ProtoBreak, loc
from apictl.diff.proto.semantics import cardinality_required
from apictl.diff.rules.proto._helpers import PROTO, q
from apictl.specs.proto.model import Message

REQUIRED_NOTE = (
    "Required fields must always be sent, so if one side does not know about the required field,"
    " this will result in a breakage."
)


@rule(
    code="PBB108",
    name="message-same-required-fields",
    on=MESSAGE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("MESSAGE_SAME_REQUIRED_FIELDS",),
)
def message_same_required_fields(pair: Pair[Message], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A message gained or lost a required field.

    ## What it does
    Reports `required` fields (proto2 `required`, editions `LEGACY_REQUIRED`) that were added to or removed from a
    message.

    ## Why is this bad?
    Required fields must always be sent: a peer that does not know about the field rejects or fails to build the
    message.

    ## Example
    Previous version:
    ```proto
    message Login { required string user = 1; }
    ```
    Current version:
    ```proto
    message Login {
      required string user = 1;
      required string otp = 2;
    }
    ```

    ## Use instead
    Add the new field as optional and validate it in application code.

    ## References
    - buf breaking rule `MESSAGE_SAME_REQUIRED_FIELDS` (categories FILE, PACKAGE, WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#message_same_required_fields
    """
    before = {n for n, f in ctx.old.fields(pair.old).items() if cardinality_required(f)}
    now = {n: f for n, f in ctx.new.fields(pair.new).items() if cardinality_required(f)}
    for number in sorted(before - set(now)):
        yield ProtoBreak(
            f'Message {q(pair.old.name)} had required field "{number}" deleted. {REQUIRED_NOTE}',
            loc(pair.new),
            loc(pair.old),
            file=pair.new.doc,
        )
    for number, field in now.items():
        if number not in before:
            yield ProtoBreak(
                f'Message {q(pair.new.name)} had required field "{number}" added. {REQUIRED_NOTE}',
                loc(field),
                None,
                file=pair.new.doc,
                old_file=pair.old.doc,
            )
