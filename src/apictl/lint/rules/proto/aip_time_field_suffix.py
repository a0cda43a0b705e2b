from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._aip import AIP, LABEL_REPEATED
from apictl.specs.proto.model import Field


@rule(
    code="PB508",
    name="aip-time-field-suffix",
    on="ProtoField",
    severity="warn",
    formats=PROTO,
    preset=AIP,
    category="naming",
)
def aip_time_field_suffix(field: Field, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Timestamp fields should be named `*_time` (AIP-142).

    ## What it does
    Reports a `google.protobuf.Timestamp` field whose name does not end in `_time`
    (`_times` when repeated; a field named just `time` is fine): `created`, `expires_at`,
    `update_date` (opt-in preset `aip`).

    ## Why is this bad?
    One suffix for points in time (`create_time`, `expire_time`) lets clients and tools
    recognise timestamps by name, and avoids the mix of `_at`, `_on`, `_date` and
    `_timestamp` that makes every consumer guess.

    ## Example
    ```proto
    google.protobuf.Timestamp created_at = 1;
    ```

    ## Use instead
    ```proto
    google.protobuf.Timestamp create_time = 1;
    ```

    ## References
    - AIP-142 Time and duration: https://google.aip.dev/142
    - api-linter rule `core::0142::time-field-names`
    """
    if str(field.desc.type_name) != ".google.protobuf.Timestamp":
        return
    suffix = "_times" if field.desc.label == LABEL_REPEATED else "_time"
    name = str(field.desc.name)
    if not name.endswith(suffix) and name != suffix[1:]:  # a field called just `time` says it
        yield report(
            field.doc,
            field.name_path,
            f'Timestamp field "{name}" should be named with the suffix "{suffix}" (AIP-142).',
        )
