"""Protobuf breaking-change rule PBB109 (buf `RESERVED_ENUM_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import ENUM_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, reserved_names, tag_ranges
from apictl.specs.proto.model import Enum


@rule(
    code="PBB109",
    name="reserved-enum-no-delete",
    on=ENUM_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("RESERVED_ENUM_NO_DELETE",),
)
def reserved_enum_no_delete(pair: Pair[Enum], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An enum's reserved numbers or names were removed.

    ## What it does
    Reports reserved ranges of an enum that no longer cover all their numbers, and reserved names that are gone.

    ## Why is this bad?
    A reservation protects a deleted value's number or name from reuse; dropping it lets a new value take it and be
    misread by old peers.

    ## Example
    Previous version:
    ```proto
    enum Color {
      reserved 2, 3;
      COLOR_UNSPECIFIED = 0;
    }
    ```
    Current version:
    ```proto
    enum Color {
      reserved 2;
      COLOR_UNSPECIFIED = 0;
    }
    ```

    ## Use instead
    Keep every reservation; add new ones as values are deleted.

    ## References
    - buf breaking rule `RESERVED_ENUM_NO_DELETE` (categories FILE, PACKAGE, WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#reserved_enum_no_delete
    """
    yield from tag_ranges(pair, "reserved")
    yield from reserved_names(pair)
