"""Protobuf breaking-change rule PBB204 (buf `FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, cardinality_changed
from apictl.specs.proto.model import Field

WIRE_JSON_CARDINALITY = {
    "optional with explicit presence": 1,
    "optional with implicit presence": 1,
    "required": 2,
    "repeated": 3,
    "map": 4,  # maps and repeated fields differ in JSON
}


@rule(
    code="PBB204",
    name="field-wire-json-compatible-cardinality",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",),
)
def field_wire_json_compatible_cardinality(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field changed to a cardinality that is not wire- and JSON-compatible.

    ## What it does
    Reports a field that moved between singular, `required`, `repeated` and `map` (maps and repeated fields differ
    in JSON).

    ## Why is this bad?
    JSON clients expect an object, an array or a single value; the other shape fails to parse.

    ## Example
    Previous version:
    ```proto
    message Labels { repeated Label items = 1; }
    ```
    Current version:
    ```proto
    message Labels { map<string, string> items = 1; }
    ```

    ## Use instead
    Add a new field with the new shape and deprecate the old one.

    ## References
    - buf breaking rule `FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY` (categories WIRE_JSON):
      https://buf.build/docs/breaking/rules/#field_wire_json_compatible_cardinality
    """
    yield from cardinality_changed(pair, ctx, WIRE_JSON_CARDINALITY)
