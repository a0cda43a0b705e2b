from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._aip import AIP
from apictl.specs.proto.model import Field

# api-linter's list for core::0140::prepositions
PREPOSITIONS = frozenset(
    "about above across after against along among around at before behind below beneath beside besides "
    "between beyond but by concerning despite down during except excepting for from in inside into like "
    "near of off on onto out outside over past regarding since through throughout to toward under "
    "underneath until up upon with within without".split()
)

STANDARD_FIELDS = frozenset({"order_by", "group_by"})  # AIP-132's and AIP-160's own field names


@rule(
    code="PB507",
    name="aip-field-no-preposition",
    on="ProtoField",
    severity="warn",
    formats=PROTO,
    preset=AIP,
    category="naming",
)
def aip_field_no_preposition(field: Field, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Field names should not contain prepositions (AIP-140).

    ## What it does
    Reports a field whose lower_snake_case name has a preposition as one of its words
    (`books_for_author`, `created_by_user`, `time_to_live`) (opt-in preset `aip`). The
    AIPs' own standard fields (`order_by`) are not reported.

    ## Why is this bad?
    A preposition usually means the field encodes a relation or a query in its name;
    such names multiply (`books_by_author`, `books_by_genre`…) where one well-named field
    or a filter would do, and they read badly in every generated language.

    ## Example
    ```proto
    string reason_for_cancellation = 1;
    ```

    ## Use instead
    ```proto
    string cancellation_reason = 1;
    ```

    ## References
    - AIP-140 Field names: https://google.aip.dev/140
    - api-linter rule `core::0140::prepositions`
    """
    message = field.message
    if message is not None and message.is_map_entry:
        return
    if field.desc.name in STANDARD_FIELDS:
        return
    words = str(field.desc.name).split("_")
    found = [w for w in words if w in PREPOSITIONS]
    if found:
        yield report(
            field.doc,
            field.name_path,
            f'Field name "{field.name}" contains the preposition "{found[0]}"; name what the field holds (AIP-140).',
        )
