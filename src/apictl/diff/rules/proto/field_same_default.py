"""Protobuf breaking-change rule PBB105 (buf `FIELD_SAME_DEFAULT`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import field_description
from apictl.diff.rules.proto._helpers import PROTO, field_default, first, same_default
from apictl.specs.proto.model import Field


@rule(
    code="PBB105",
    name="field-same-default",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FIELD_SAME_DEFAULT",),
)
def field_same_default(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field's default value changed.

    ## What it does
    Reports a proto2 or editions field whose explicit default differs from the previous one (an unset default counts
    as the type's zero value).

    ## Why is this bad?
    Readers substitute the default for an absent field, so old and new peers see different values for the same
    bytes.

    ## Example
    Previous version:
    ```proto
    message Page { optional int32 size = 1 [default = 20]; }
    ```
    Current version:
    ```proto
    message Page { optional int32 size = 1 [default = 50]; }
    ```

    ## Use instead
    Keep the default; apply a different fallback in application code instead.

    ## References
    - buf breaking rule `FIELD_SAME_DEFAULT` (categories FILE, PACKAGE, WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#field_same_default
    """
    before, after = field_default(pair.old, ctx.old), field_default(pair.new, ctx.new)
    if before is None or after is None or (not before[0] and not after[0]):
        return
    if not same_default(before[0], after[0]):
        yield ProtoBreak(
            f"{field_description(pair.new)} changed default value from {before[1]} to {after[1]}.",
            first(pair.new.doc, (*pair.new.path, 7), pair.new.path),
            first(pair.old.doc, (*pair.old.path, 7), pair.old.path),
            file=pair.new.doc,
        )
