"""Protobuf breaking-change rule PBB322 (buf `ENUM_SAME_TYPE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import ENUM_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import CLOSED, feature
from apictl.diff.rules.proto._helpers import PROTO, first, q
from apictl.specs.proto.model import Enum


@rule(
    code="PBB322",
    name="enum-same-type",
    on=ENUM_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("ENUM_SAME_TYPE",),
)
def enum_same_type(pair: Pair[Enum], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An enum changed between open and closed.

    ## What it does
    Reports an enum that became closed (proto2 semantics: unknown values go to unknown fields) or open (proto3
    semantics), for example when its file changed syntax or `features.enum_type` was set.

    ## Why is this bad?
    Unknown values are handled differently by open and closed enums, and generated code differs; readers of existing
    data behave differently.

    ## Example
    Previous version:
    ```proto
    syntax = "proto3";
    enum Color { COLOR_UNSPECIFIED = 0; }
    ```
    Current version:
    ```proto
    syntax = "proto2";
    enum Color { COLOR_UNSPECIFIED = 0; }
    ```

    ## Use instead
    Keep the enum's type.

    ## References
    - buf breaking rule `ENUM_SAME_TYPE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#enum_same_type
    """
    before, after = feature(pair.old, "enum_type") == CLOSED, feature(pair.new, "enum_type") == CLOSED
    if before != after:
        states = ("open", "closed") if after else ("closed", "open")
        yield ProtoBreak(
            f"Enum {q(pair.new.name)} changed from {states[0]} to {states[1]}.",
            first(pair.new.doc, (*pair.new.path, 3, 7, 2), pair.new.path),
            first(pair.old.doc, (*pair.old.path, 3, 7, 2), pair.old.path),
            file=pair.new.doc,
        )
