"""Protobuf breaking-change rule PBB104 (buf `FIELD_WIRE_COMPATIBLE_CARDINALITY`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, cardinality_changed
from apictl.specs.proto.model import Field

WIRE_CARDINALITY = {
    "optional with explicit presence": 1,
    "optional with implicit presence": 1,
    "required": 2,
    "repeated": 3,
    "map": 3,
}


@rule(
    code="PBB104",
    name="field-wire-compatible-cardinality",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FIELD_WIRE_COMPATIBLE_CARDINALITY",),
)
def field_wire_compatible_cardinality(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field changed to a cardinality that is not wire-compatible.

    ## What it does
    Reports a field that moved between singular, `required` and `repeated`/`map` (changes of presence alone are
    wire-compatible).

    ## Why is this bad?
    A singular field read as repeated (or the reverse) loses or merges values; a new `required` field fails parsing
    of old messages.

    ## Example
    Previous version:
    ```proto
    message Order { string tag = 1; }
    ```
    Current version:
    ```proto
    message Order { repeated string tag = 1; }
    ```

    ## Use instead
    Add a new repeated field and deprecate the singular one.

    ## References
    - buf breaking rule `FIELD_WIRE_COMPATIBLE_CARDINALITY` (categories WIRE):
      https://buf.build/docs/breaking/rules/#field_wire_compatible_cardinality
    """
    yield from cardinality_changed(pair, ctx, WIRE_CARDINALITY)
