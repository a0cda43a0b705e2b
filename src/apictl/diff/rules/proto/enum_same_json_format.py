"""Protobuf breaking-change rule PBB208 (buf `ENUM_SAME_JSON_FORMAT`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import ENUM_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import ALLOW, FEATURE_NAMES, feature
from apictl.diff.rules.proto._helpers import PROTO, first, q
from apictl.specs.proto.model import Enum


@rule(
    code="PBB208",
    name="enum-same-json-format",
    on=ENUM_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("ENUM_SAME_JSON_FORMAT",),
)
def enum_same_json_format(pair: Pair[Enum], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An enum lost full JSON support.

    ## What it does
    Reports an enum whose `json_format` feature went from `ALLOW` to `LEGACY_BEST_EFFORT` (for example when its file
    moved from proto3 to proto2).

    ## Why is this bad?
    With best-effort JSON, value names that conflict in JSON are no longer rejected, so JSON documents may become
    ambiguous for existing clients.

    ## Example
    Previous version:
    ```proto
    syntax = "proto3";
    enum Color { COLOR_UNSPECIFIED = 0; }
    ```
    Current version:
    ```proto
    edition = "2023";
    enum Color {
      option features.json_format = LEGACY_BEST_EFFORT;
      COLOR_UNSPECIFIED = 0;
    }
    ```

    ## Use instead
    Keep `json_format = ALLOW`.

    ## References
    - buf breaking rule `ENUM_SAME_JSON_FORMAT` (categories FILE, PACKAGE, WIRE_JSON):
      https://buf.build/docs/breaking/rules/#enum_same_json_format
    """
    before, after = feature(pair.old, "json_format"), feature(pair.new, "json_format")
    if before == ALLOW and after != ALLOW:
        names = FEATURE_NAMES["json_format"]
        yield ProtoBreak(
            f"Enum {q(pair.new.name)} JSON format support changed from {names[before]} to {names[after]}.",
            first(pair.new.doc, (*pair.new.path, 3, 7, 6), pair.new.path),
            first(pair.old.doc, (*pair.old.path, 3, 7, 6), pair.old.path),
            file=pair.new.doc,
        )
