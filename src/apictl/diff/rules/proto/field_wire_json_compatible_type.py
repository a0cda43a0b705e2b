"""Protobuf breaking-change rule PBB203 (buf `FIELD_WIRE_JSON_COMPATIBLE_TYPE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, compatible_type
from apictl.specs.proto.model import Field

WIRE_JSON_GROUPS = {
    5: 1,
    13: 1,
    3: 2,
    4: 2,
    7: 3,
    15: 3,
    6: 4,
    16: 4,
    8: 5,
    17: 6,
    18: 7,
    9: 8,
    12: 9,
    1: 10,
    2: 11,
    10: 12,
    11: 13,
    14: 14,
}
# wire-compatible and written the same in JSON (64-bit integers are JSON strings)


@rule(
    code="PBB203",
    name="field-wire-json-compatible-type",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FIELD_WIRE_JSON_COMPATIBLE_TYPE",),
)
def field_wire_json_compatible_type(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field changed to a type that is not wire- and JSON-compatible.

    ## What it does
    Reports a field whose type changed to one that is encoded differently in binary or in JSON (for example `int32`
    to `int64`, whose JSON form is a string), a message field that now names another message, or an enum field whose
    enum is not a superset of the previous one.

    ## Why is this bad?
    JSON clients parse the value with the previous type and fail or misread it.

    ## Example
    Previous version:
    ```proto
    message Order { int32 count = 1; }
    ```
    Current version:
    ```proto
    message Order { int64 count = 1; }
    ```

    ## Use instead
    Add a new field with the new type and deprecate the old one.

    ## References
    - buf breaking rule `FIELD_WIRE_JSON_COMPATIBLE_TYPE` (categories WIRE_JSON):
      https://buf.build/docs/breaking/rules/#field_wire_json_compatible_type
    """
    extra = (
        "See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules"
        " and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules."
    )
    yield from compatible_type(pair, ctx, WIRE_JSON_GROUPS, extra)
