"""Protobuf breaking-change rule PBB320 (buf `FIELD_SAME_JSTYPE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import field_description
from apictl.diff.rules.proto._helpers import PROTO, first, is_int64, q
from apictl.specs.proto.model import Field


@rule(
    code="PBB320",
    name="field-same-jstype",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FIELD_SAME_JSTYPE",),
)
def field_same_jstype(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A 64-bit integer field's jstype changed.

    ## What it does
    Reports a 64-bit integer field whose `jstype` option (JS_NORMAL, JS_STRING, JS_NUMBER) differs from before.

    ## Why is this bad?
    Generated JavaScript exposes the field as a string or a number depending on `jstype`; code using it breaks.

    ## Example
    Previous version:
    ```proto
    message Account { int64 id = 1; }
    ```
    Current version:
    ```proto
    message Account { int64 id = 1 [jstype = JS_STRING]; }
    ```

    ## Use instead
    Keep the jstype.

    ## References
    - buf breaking rule `FIELD_SAME_JSTYPE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#field_same_jstype
    """
    if not is_int64(pair.old) or not is_int64(pair.new):
        return
    before, after = pair.old.desc.options.jstype, pair.new.desc.options.jstype
    if before != after:
        names = type(pair.new.desc.options).JSType
        yield ProtoBreak(
            f'{field_description(pair.new)} changed option "jstype" '
            f"from {q(names.Name(before))} to {q(names.Name(after))}.",
            first(pair.new.doc, (*pair.new.path, 8, 6), pair.new.path),
            first(pair.old.doc, (*pair.old.path, 8, 6), pair.old.path),
            file=pair.new.doc,
        )
