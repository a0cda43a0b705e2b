"""Protobuf breaking-change rule PBB319 (buf `FIELD_SAME_JAVA_UTF8_VALIDATION`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import FEATURE_NAMES, TYPE_STRING, VERIFY, feature, field_description, kind
from apictl.diff.rules.proto._helpers import PROTO, first, q
from apictl.specs.proto.model import Field


@rule(
    code="PBB319",
    name="field-same-java-utf8-validation",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FIELD_SAME_JAVA_UTF8_VALIDATION",),
)
def field_same_java_utf8_validation(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A string field's Java UTF-8 validation changed.

    ## What it does
    Reports a string field whose Java UTF-8 checking (the `java_string_check_utf8` file option or
    `(pb.java).utf8_validation` feature) differs from before.

    ## Why is this bad?
    Java code that parsed invalid UTF-8 successfully now throws (or the reverse), changing behaviour of existing
    Java clients.

    ## Example
    Previous version:
    ```proto
    option java_string_check_utf8 = false;
    ```
    Current version:
    ```proto
    option java_string_check_utf8 = true;
    ```

    ## Use instead
    Keep the option.

    ## References
    - buf breaking rule `FIELD_SAME_JAVA_UTF8_VALIDATION` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#field_same_java_utf8_validation
    """
    if kind(pair.old) != TYPE_STRING or kind(pair.new) != TYPE_STRING:
        return
    before, after = java_utf8(pair.old), java_utf8(pair.new)
    if before != after:
        names = FEATURE_NAMES["utf8_validation"]
        yield ProtoBreak(
            f"{field_description(pair.new)} changed Java string UTF8 validation "
            f"from {q(names[before])} to {q(names[after])}.",
            first(pair.new.doc, (8, 27), pair.new.path),
            first(pair.old.doc, (8, 27), pair.old.path),
            file=pair.new.doc,
        )


def java_utf8(field: Field) -> int:
    """VERIFY when the file sets `java_string_check_utf8`, else the field's utf8_validation."""
    return VERIFY if field.doc.fd.options.java_string_check_utf8 else feature(field, "utf8_validation")
