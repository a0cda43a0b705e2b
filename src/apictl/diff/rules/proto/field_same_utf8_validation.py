"""Protobuf breaking-change rule PBB321 (buf `FIELD_SAME_UTF8_VALIDATION`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import FEATURE_NAMES, TYPE_STRING, feature, field_description, kind
from apictl.diff.rules.proto._helpers import PROTO, first
from apictl.specs.proto.model import Field


@rule(
    code="PBB321",
    name="field-same-utf8-validation",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FIELD_SAME_UTF8_VALIDATION",),
)
def field_same_utf8_validation(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A string field's UTF-8 validation changed.

    ## What it does
    Reports a string field whose `utf8_validation` feature (VERIFY or NONE; implied by proto3/proto2) differs from
    before.

    ## Why is this bad?
    With VERIFY, parsers reject invalid UTF-8 that was accepted before (or the reverse), so existing messages may
    stop parsing.

    ## Example
    Previous version:
    ```proto
    syntax = "proto3";
    message Note { string text = 1; }
    ```
    Current version:
    ```proto
    edition = "2023";
    message Note { string text = 1 [features.utf8_validation = NONE]; }
    ```

    ## Use instead
    Keep the validation mode.

    ## References
    - buf breaking rule `FIELD_SAME_UTF8_VALIDATION` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#field_same_utf8_validation
    """
    if kind(pair.old) != TYPE_STRING or kind(pair.new) != TYPE_STRING:
        return
    before, after = feature(pair.old, "utf8_validation"), feature(pair.new, "utf8_validation")
    if before != after:
        names = FEATURE_NAMES["utf8_validation"]
        yield ProtoBreak(
            f"{field_description(pair.new)} changed UTF8 validation from {names[before]} to {names[after]}.",
            first(pair.new.doc, (*pair.new.path, 8, 21, 4), pair.new.path),
            first(pair.old.doc, (*pair.old.path, 8, 21, 4), pair.old.path),
            file=pair.new.doc,
        )
