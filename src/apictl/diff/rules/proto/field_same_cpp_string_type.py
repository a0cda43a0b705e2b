"""Protobuf breaking-change rule PBB318 (buf `FIELD_SAME_CPP_STRING_TYPE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import TYPE_BYTES, TYPE_STRING, field_description
from apictl.diff.rules.proto._helpers import PROTO, first, q, skip_map_entries, string_kinds
from apictl.specs.proto.model import Field


@rule(
    code="PBB318",
    name="field-same-cpp-string-type",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FIELD_SAME_CPP_STRING_TYPE",),
)
def field_same_cpp_string_type(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A string or bytes field's C++ string type changed.

    ## What it does
    Reports a string or bytes field whose `ctype` option (or `(pb.cpp).string_type` feature) differs from before;
    `STRING_PIECE` to `STRING` is allowed.

    ## Why is this bad?
    The generated C++ accessors differ by string type (`absl::Cord` vs `std::string`), so C++ code using the field
    stops compiling.

    ## Example
    Previous version:
    ```proto
    message Blob { bytes data = 1; }
    ```
    Current version:
    ```proto
    message Blob { bytes data = 1 [ctype = CORD]; }
    ```

    ## Use instead
    Keep the string type.

    ## References
    - buf breaking rule `FIELD_SAME_CPP_STRING_TYPE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#field_same_cpp_string_type
    """
    if skip_map_entries(pair) or not string_kinds(pair, (TYPE_STRING, TYPE_BYTES)):
        return
    before, after = cpp_string_type(pair.old), cpp_string_type(pair.new)
    if before != after and not (before == "STRING_PIECE" and after == "STRING"):
        yield ProtoBreak(
            f"{field_description(pair.new)} changed C++ string type from {q(before)} to {q(after)}.",
            first(pair.new.doc, (*pair.new.path, 8, 1), pair.new.path),
            first(pair.old.doc, (*pair.old.path, 8, 1), pair.old.path),
            file=pair.new.doc,
        )


def cpp_string_type(field: Field) -> str:
    """`ctype` (CORD, STRING_PIECE, STRING) or the default STRING."""
    options = field.desc.options
    if options.HasField("ctype"):
        return str(type(options).CType.Name(options.ctype))
    return "STRING"
