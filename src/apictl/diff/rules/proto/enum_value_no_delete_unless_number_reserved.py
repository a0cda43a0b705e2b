"""Protobuf breaking-change rule PBB102 (buf `ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import ENUM_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, enum_value_deleted
from apictl.specs.proto.model import Enum


@rule(
    code="PBB102",
    name="enum-value-no-delete-unless-number-reserved",
    on=ENUM_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",),
)
def enum_value_no_delete_unless_number_reserved(pair: Pair[Enum], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An enum value was deleted without reserving its number.

    ## What it does
    Reports an enum number that no value of the current enum has and that the enum does not reserve.

    ## Why is this bad?
    A later value may reuse the number with another meaning; peers still sending the old value get it misread.

    ## Example
    Previous version:
    ```proto
    enum Color {
      COLOR_UNSPECIFIED = 0;
      COLOR_RED = 1;
    }
    ```
    Current version:
    ```proto
    enum Color {
      COLOR_UNSPECIFIED = 0;
    }
    ```

    ## Use instead
    ```proto
    enum Color {
      reserved 1;
      COLOR_UNSPECIFIED = 0;
    }
    ```

    ## References
    - buf breaking rule `ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED` (categories WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#enum_value_no_delete_unless_number_reserved
    """
    yield from enum_value_deleted(pair, unless_number=True)
