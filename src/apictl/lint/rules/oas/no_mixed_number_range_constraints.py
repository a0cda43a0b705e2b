from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.specs.openapi.model import Node


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@rule(
    code="OAS236",
    name="no-mixed-number-range-constraints",
    on="Schema",
    severity="warn",
    formats=("oas3.1", "oas3.2"),
    preset="recommended",
    category="correctness",
    redocly=("no-mixed-number-range-constraints",),
)
def no_mixed_number_range_constraints(schema: Node, ctx: RuleContext) -> Iterator[Finding]:
    """A schema should bound a number with `maximum` or `exclusiveMaximum`, not both (and likewise for minimums).

    ## What it does
    For OpenAPI 3.1 and later, reports `exclusiveMaximum` in a schema that
    also has a numeric `maximum`, and `exclusiveMinimum` next to a numeric
    `minimum`.

    ## Why is this bad?
    From OpenAPI 3.1 (JSON Schema 2020-12) `exclusiveMaximum` is a number,
    not a flag on `maximum`: both apply, and only the stricter one matters.
    Writing both is usually a 3.0 habit (`maximum: 10` +
    `exclusiveMaximum: true`) translated halfway, and readers cannot tell
    which bound was meant.

    ## Example
    ```yaml
    type: integer
    maximum: 100
    exclusiveMaximum: 100
    ```

    ## Use instead
    ```yaml
    type: integer
    exclusiveMaximum: 100
    ```

    ## References
    - https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2.3
    - https://redocly.com/docs/cli/rules/common/no-mixed-number-range-constraints
    """
    value = schema.value
    if not isinstance(value, dict):
        return
    for bound, exclusive in (("maximum", "exclusiveMaximum"), ("minimum", "exclusiveMinimum")):
        if _number(value.get(bound)) and _number(value.get(exclusive)):
            yield schema.report(
                f"schema has both `{bound}: {value[bound]}` and `{exclusive}: {value[exclusive]}`; keep the one "
                "you mean (from OpenAPI 3.1 both apply)",
                exclusive,
            )
