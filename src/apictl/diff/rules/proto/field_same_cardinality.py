"""Protobuf breaking-change rule PBB317 (buf `FIELD_SAME_CARDINALITY`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, cardinality_changed
from apictl.specs.proto.model import Field


@rule(
    code="PBB317",
    name="field-same-cardinality",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FIELD_SAME_CARDINALITY",),
)
def field_same_cardinality(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field's cardinality changed.

    ## What it does
    Reports a field whose cardinality (optional with explicit or implicit presence, required, repeated, map) differs
    from before, for example a proto3 field that gained `optional`.

    ## Why is this bad?
    Generated code differs by cardinality (`hasX()` accessors, lists, maps), so code using the field stops
    compiling.

    ## Example
    Previous version:
    ```proto
    message User { string nickname = 3; }
    ```
    Current version:
    ```proto
    message User { optional string nickname = 3; }
    ```

    ## Use instead
    Keep the cardinality; add a new field if another one is needed.

    ## References
    - buf breaking rule `FIELD_SAME_CARDINALITY` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#field_same_cardinality
    """
    yield from cardinality_changed(pair, ctx, None)
