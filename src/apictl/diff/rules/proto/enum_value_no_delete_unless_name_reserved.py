"""Protobuf breaking-change rule PBB202 (buf `ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import ENUM_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, enum_value_deleted
from apictl.specs.proto.model import Enum


@rule(
    code="PBB202",
    name="enum-value-no-delete-unless-name-reserved",
    on=ENUM_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",),
)
def enum_value_no_delete_unless_name_reserved(pair: Pair[Enum], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An enum value was deleted without reserving its name.

    ## What it does
    Reports an enum number that no value of the current enum has while the names it had are not all reserved.

    ## Why is this bad?
    The JSON encoding uses value names: a later value reusing the name is read from old JSON documents with the
    wrong meaning.

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
      reserved "COLOR_RED";
      COLOR_UNSPECIFIED = 0;
    }
    ```

    ## References
    - buf breaking rule `ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED` (categories WIRE_JSON):
      https://buf.build/docs/breaking/rules/#enum_value_no_delete_unless_name_reserved
    """
    yield from enum_value_deleted(pair, unless_name=True)
