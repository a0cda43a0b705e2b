"""Protobuf breaking-change rule PBB312 (buf `ENUM_VALUE_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import ENUM_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, enum_value_deleted
from apictl.specs.proto.model import Enum


@rule(
    code="PBB312",
    name="enum-value-no-delete",
    on=ENUM_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("ENUM_VALUE_NO_DELETE",),
)
def enum_value_no_delete(pair: Pair[Enum], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An enum value was deleted.

    ## What it does
    Reports an enum number that no value of the current enum has, reserved or not.

    ## Why is this bad?
    Generated code that refers to the value stops compiling.

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
    Keep the value and mark it `[deprecated = true]`.

    ## References
    - buf breaking rule `ENUM_VALUE_NO_DELETE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#enum_value_no_delete
    """
    yield from enum_value_deleted(pair)
