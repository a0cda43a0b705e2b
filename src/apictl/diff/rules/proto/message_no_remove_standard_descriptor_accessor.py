"""Protobuf breaking-change rule PBB323 (buf `MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import MESSAGE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO
from apictl.specs.proto.model import Message


@rule(
    code="PBB323",
    name="message-no-remove-standard-descriptor-accessor",
    on=MESSAGE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR",),
)
def message_no_remove_standard_descriptor_accessor(pair: Pair[Message], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A message's standard descriptor accessor was removed.

    ## What it does
    Reports a message whose `no_standard_descriptor_accessor` option was turned on.

    ## Why is this bad?
    Generated code no longer has the `descriptor()` accessor; code calling it stops compiling.

    ## Example
    Previous version:
    ```proto
    message User {}
    ```
    Current version:
    ```proto
    message User { option no_standard_descriptor_accessor = true; }
    ```

    ## Use instead
    Leave the option off.

    ## References
    - buf breaking rule `MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#message_no_remove_standard_descriptor_accessor
    """
    before = pair.old.desc.options.no_standard_descriptor_accessor
    after = pair.new.desc.options.no_standard_descriptor_accessor
    if not before and after:
        yield ProtoBreak(
            'Message option "no_standard_descriptor_accessor" changed from "false" to "true".',
            (pair.new.doc, (*pair.new.path, 7, 2)),
            (pair.old.doc, (*pair.old.path, 7, 2)),
            file=pair.new.doc,
        )
