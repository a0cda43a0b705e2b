"""Protobuf breaking-change rule PBB315 (buf `EXTENSION_MESSAGE_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import MESSAGE_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, tag_ranges
from apictl.specs.proto.model import Message


@rule(
    code="PBB315",
    name="extension-message-no-delete",
    on=MESSAGE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("EXTENSION_MESSAGE_NO_DELETE",),
)
def extension_message_no_delete(pair: Pair[Message], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A message's extension ranges were removed.

    ## What it does
    Reports extension ranges of a message that no longer cover all their numbers.

    ## Why is this bad?
    Extensions declared elsewhere for the removed numbers no longer compile.

    ## Example
    Previous version:
    ```proto
    message Options { extensions 100 to 199; }
    ```
    Current version:
    ```proto
    message Options { extensions 100 to 149; }
    ```

    ## Use instead
    Keep every extension range.

    ## References
    - buf breaking rule `EXTENSION_MESSAGE_NO_DELETE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#extension_message_no_delete
    """
    yield from tag_ranges(pair, "extension")
