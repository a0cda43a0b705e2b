"""Protobuf breaking-change rule PBB206 (buf `FIELD_SAME_JSON_NAME`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FIELD_PAIR, Pair, ProtoBreak
from apictl.diff.proto.semantics import field_description, is_extension
from apictl.diff.rules.proto._helpers import PROTO, first, q
from apictl.specs.proto.model import Field


@rule(
    code="PBB206",
    name="field-same-json-name",
    on=FIELD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("FIELD_SAME_JSON_NAME",),
)
def field_same_json_name(pair: Pair[Field], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A field's JSON name changed.

    ## What it does
    Reports a field whose JSON name (the `json_name` option, or the lowerCamelCase form of its name) differs from
    before.

    ## Why is this bad?
    JSON clients send and look for the previous key; the value is dropped or missing.

    ## Example
    Previous version:
    ```proto
    message User { string display_name = 1; }
    ```
    Current version:
    ```proto
    message User { string display_name = 1 [json_name = "name"]; }
    ```

    ## Use instead
    Keep the JSON name; add a new field for a new key.

    ## References
    - buf breaking rule `FIELD_SAME_JSON_NAME` (categories FILE, PACKAGE, WIRE_JSON):
      https://buf.build/docs/breaking/rules/#field_same_json_name
    """
    if is_extension(pair.old):
        return  # extensions cannot set json_name
    before, after = str(pair.old.desc.json_name), str(pair.new.desc.json_name)
    if before != after:
        yield ProtoBreak(
            f'{field_description(pair.new)} changed option "json_name" from {q(before)} to {q(after)}.',
            first(pair.new.doc, (*pair.new.path, 10), pair.new.path),
            first(pair.old.doc, (*pair.old.path, 10), pair.old.path),
            file=pair.new.doc,
        )
