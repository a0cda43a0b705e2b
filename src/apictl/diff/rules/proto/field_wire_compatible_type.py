"""Protobuf breaking-change rule PBB103 (buf `FIELD_WIRE_COMPATIBLE_TYPE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import TYPE_BYTES, TYPE_STRING, kind
from apictl.diff.rules.proto._helpers import PROTO, compatible_type
from apictl.specs.proto.model import Field

WIRE_GROUPS = {
    5: 1,
    3: 1,
    13: 1,
    4: 1,
    8: 1,
    17: 2,
    18: 2,
    9: 3,
    12: 4,
    7: 5,
    15: 5,
    6: 6,
    16: 6,
    1: 7,
    2: 8,
    10: 9,
    11: 10,
    14: 11,
}
# proto3#updating: int32/int64/uint32/uint64/bool share an encoding, sint32/sint64 another, ...


@rule(
    code="PBB103",
    name="field-wire-compatible-type",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FIELD_WIRE_COMPATIBLE_TYPE",),
)
def field_wire_compatible_type(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field changed to a type that is not wire-compatible.

    ## What it does
    Reports a field whose type changed to one encoded differently on the wire (for example `int32` to `sint32` or
    `string`), a message or group field that now names another message, or an enum field that now names an enum that
    is not a superset of the previous one.

    ## Why is this bad?
    Peers built from the previous definition decode the bytes as garbage or drop the field.

    ## Example
    Previous version:
    ```proto
    message Order { int64 total = 1; }
    ```
    Current version:
    ```proto
    message Order { string total = 1; }
    ```

    ## Use instead
    Add a new field with the new type and deprecate the old one: `int64 total = 1 [deprecated = true]; string
    total_text = 2;`

    ## References
    - buf breaking rule `FIELD_WIRE_COMPATIBLE_TYPE` (categories WIRE):
      https://buf.build/docs/breaking/rules/#field_wire_compatible_type
    """
    k_old, k_new = kind(pair.old), kind(pair.new)
    if (k_old, k_new) == (TYPE_STRING, TYPE_BYTES):
        return  # string -> bytes is safe on the wire
    extra = "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules."
    if (k_old, k_new) == (TYPE_BYTES, TYPE_STRING):
        extra += (
            " Note that while string and bytes are compatible if the data is valid UTF-8, there is no way"
            " to enforce that a bytes field is UTF-8, so these fields may be incompatible."
        )
    yield from compatible_type(pair, ctx, WIRE_GROUPS, extra)
