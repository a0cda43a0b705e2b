"""Protobuf breaking-change rule PBB106 (buf `FIELD_SAME_ONEOF`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak, loc
from apictl.diff.proto.semantics import field_description, is_extension, oneof_name
from apictl.diff.rules.proto._helpers import PROTO, q
from apictl.specs.proto.model import Field


@rule(
    code="PBB106",
    name="field-same-oneof",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FIELD_SAME_ONEOF",),
)
def field_same_oneof(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field moved into, out of, or between oneofs.

    ## What it does
    Reports a field that is now in a different oneof than before, or that moved into or out of a oneof (proto3
    `optional` does not count as a oneof).

    ## Why is this bad?
    Setting one member of a oneof clears the others: messages that were valid before now silently lose data.

    ## Example
    Previous version:
    ```proto
    message Pet {
      string name = 1;
      oneof kind { string dog = 2; }
    }
    ```
    Current version:
    ```proto
    message Pet {
      oneof kind {
        string name = 1;
        string dog = 2;
      }
    }
    ```

    ## Use instead
    Leave the field where it was; add a new field in the oneof if needed.

    ## References
    - buf breaking rule `FIELD_SAME_ONEOF` (categories FILE, PACKAGE, WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#field_same_oneof
    """
    if is_extension(pair.old):
        return
    before, after = oneof_name(pair.old), oneof_name(pair.new)
    if before == after:
        return
    if before is not None and after is not None:
        message = f"{field_description(pair.new)} moved from oneof {q(before)} to oneof {q(after)}."
    else:
        moved = ("inside", "outside") if before is not None else ("outside", "inside")
        message = f"{field_description(pair.new)} moved from {moved[0]} to {moved[1]} a oneof."
    yield ProtoBreak(message, loc(pair.new), loc(pair.old), file=pair.new.doc)
