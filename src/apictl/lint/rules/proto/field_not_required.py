from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.specs.proto.model import Field

LABEL_REQUIRED = 2  # FieldDescriptorProto.LABEL_REQUIRED
LEGACY_REQUIRED = 3  # FeatureSet.LEGACY_REQUIRED


@rule(
    code="PB208",
    name="field-not-required",
    on="ProtoField",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="correctness",
    buf=("FIELD_NOT_REQUIRED",),
)
def field_not_required(field: Field, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Fields should not be `required`.

    ## What it does
    Reports a proto2 `required` field or an editions field with `features.field_presence =
    LEGACY_REQUIRED`.

    ## Why is this bad?
    A required field can never be removed or made optional without breaking every reader that
    still checks it: required is forever.

    ## Example
    ```proto
    syntax = "proto2";
    message User { required string id = 1; }
    ```

    ## Use instead
    ```proto
    syntax = "proto2";
    message User { optional string id = 1; }
    ```

    ## References
    - buf lint rule `FIELD_NOT_REQUIRED`: https://buf.build/docs/lint/rules/#field_not_required
    """
    desc = field.desc
    if desc.label == LABEL_REQUIRED or desc.options.features.field_presence == LEGACY_REQUIRED:
        yield report(field.doc, field.name_path, f'Field named "{field.name}" should not be required.')
