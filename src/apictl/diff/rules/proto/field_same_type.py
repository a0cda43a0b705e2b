"""Protobuf breaking-change rule PBB316 (buf `FIELD_SAME_TYPE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import TYPE_ENUM, TYPE_GROUP, TYPE_MESSAGE, kind
from apictl.diff.rules.proto._helpers import PROTO, changed_type, changed_type_name
from apictl.specs.proto.model import Field


@rule(
    code="PBB316",
    name="field-same-type",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("FIELD_SAME_TYPE",),
)
def field_same_type(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field's type changed.

    ## What it does
    Reports a field whose type differs from before, including a message or enum field that now names another message
    or enum.

    ## Why is this bad?
    Generated code changes the accessor's type, so code using the field stops compiling (and most changes break the
    wire too).

    ## Example
    Previous version:
    ```proto
    message Order { int32 quantity = 1; }
    ```
    Current version:
    ```proto
    message Order { int64 quantity = 1; }
    ```

    ## Use instead
    Add a new field with the new type and deprecate the old one.

    ## References
    - buf breaking rule `FIELD_SAME_TYPE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#field_same_type
    """
    if kind(pair.old) != kind(pair.new):
        yield changed_type(pair)
    elif kind(pair.new) in (TYPE_ENUM, TYPE_GROUP, TYPE_MESSAGE) and pair.old.desc.type_name != pair.new.desc.type_name:
        yield changed_type_name(pair)
