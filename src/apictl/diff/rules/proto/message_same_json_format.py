"""Protobuf breaking-change rule PBB209 (buf `MESSAGE_SAME_JSON_FORMAT`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import MESSAGE_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import ALLOW, FEATURE_NAMES, feature
from apictl.diff.rules.proto._helpers import PROTO, first, q
from apictl.specs.proto.model import Message


@rule(
    code="PBB209",
    name="message-same-json-format",
    on=MESSAGE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("MESSAGE_SAME_JSON_FORMAT",),
)
def message_same_json_format(pair: Pair[Message], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A message lost full JSON support.

    ## What it does
    Reports a message whose `json_format` feature went from `ALLOW` to `LEGACY_BEST_EFFORT` (for example when its
    file moved from proto3 to proto2).

    ## Why is this bad?
    With best-effort JSON, field names that conflict in JSON are no longer rejected, so JSON documents may become
    ambiguous for existing clients.

    ## Example
    Previous version:
    ```proto
    syntax = "proto3";
    message User { string name = 1; }
    ```
    Current version:
    ```proto
    edition = "2023";
    message User {
      option features.json_format = LEGACY_BEST_EFFORT;
      string name = 1;
    }
    ```

    ## Use instead
    Keep `json_format = ALLOW`.

    ## References
    - buf breaking rule `MESSAGE_SAME_JSON_FORMAT` (categories FILE, PACKAGE, WIRE_JSON):
      https://buf.build/docs/breaking/rules/#message_same_json_format
    """
    before, after = feature(pair.old, "json_format"), feature(pair.new, "json_format")
    if before == ALLOW and after != ALLOW:
        names = FEATURE_NAMES["json_format"]
        yield ProtoBreak(
            f"Message {q(pair.new.name)} JSON format support changed from {names[before]} to {names[after]}.",
            first(pair.new.doc, (*pair.new.path, 7, 12, 6), pair.new.path),
            first(pair.old.doc, (*pair.old.path, 7, 12, 6), pair.old.path),
            file=pair.new.doc,
        )
