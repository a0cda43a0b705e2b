"""Protobuf breaking-change rule PBB205 (buf `FIELD_SAME_NAME`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak, loc
from apictl.diff.proto.semantics import field_description, is_extension
from apictl.diff.rules.proto._helpers import PROTO, q
from apictl.specs.proto.model import Field


@rule(
    code="PBB205",
    name="field-same-name",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FIELD_SAME_NAME",),
)
def field_same_name(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field was renamed.

    ## What it does
    Reports a field number whose field has a different name than before (extensions: a different fully-qualified
    name).

    ## Why is this bad?
    The JSON and text formats use field names, and generated code exposes them: renaming breaks JSON clients and
    compiling users.

    ## Example
    Previous version:
    ```proto
    message User { string mail = 2; }
    ```
    Current version:
    ```proto
    message User { string email = 2; }
    ```

    ## Use instead
    Keep the name; if it must change, add a new field and deprecate the old one.

    ## References
    - buf breaking rule `FIELD_SAME_NAME` (categories FILE, PACKAGE, WIRE_JSON):
      https://buf.build/docs/breaking/rules/#field_same_name
    """
    if is_extension(pair.old):
        before, after = pair.old.full_name, pair.new.full_name
    else:
        before, after = pair.old.name, pair.new.name
    if before != after:
        yield ProtoBreak(
            f"{field_description(pair.new, with_name=False)} changed name from {q(before)} to {q(after)}.",
            loc(pair.new, 1),
            loc(pair.old, 1),
            file=pair.new.doc,
        )
