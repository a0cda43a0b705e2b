from __future__ import annotations

from collections.abc import Iterable

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import OAS3
from apictl.specs.openapi.model import Node


@rule(
    code="OAS226",
    name="example-value-or-externalvalue",
    on="Example",
    severity="warn",
    formats=OAS3,
    preset="recommended",
    category="correctness",
    spectral=("oas3-examples-value-or-externalValue",),
    redocly=("no-example-value-and-externalValue", "spec-example-values"),
)
def example_value_or_externalvalue(example: Node, ctx: RuleContext) -> Iterable[Finding]:
    """An Example object must give its value one way: `value` or `externalValue`, not both, not neither.

    ## What it does
    Reports an Example object (in `components/examples`, or the `examples` of
    a media type, parameter or header) that has both `value` and
    `externalValue`, or neither. In OpenAPI 3.2, `dataValue` and
    `serializedValue` count as giving a value too, and the combinations the
    specification forbids (`value` with `dataValue` or `serializedValue`,
    `serializedValue` with `externalValue`) are reported as well.

    ## Why is this bad?
    The specification makes the fields mutually exclusive: with both, tools
    disagree on which one is the example; with neither, the example is empty
    and documentation shows nothing.

    ## Example
    ```yaml
    examples:
      cat:
        summary: A cat
        value: {name: Tom}
        externalValue: https://example.com/examples/cat.json
    ```

    ## Use instead
    ```yaml
    examples:
      cat:
        summary: A cat
        value: {name: Tom}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#example-object
    - https://spec.openapis.org/oas/v3.2.0#example-object
    """
    value = example.value
    if not isinstance(value, dict):
        return ()
    has = [f for f in ("value", "externalValue", "dataValue", "serializedValue") if f in value]
    if ctx.version != "oas3.2":
        has = [f for f in has if f in ("value", "externalValue")]
    if not has:
        fields = (
            "`value`, `dataValue`, `serializedValue` or `externalValue`"
            if ctx.version == "oas3.2"
            else "`value` or `externalValue`"
        )
        return [example.report(f"example has no value; give it {fields}")]
    out = []
    for first, second in (
        ("value", "externalValue"),
        ("value", "dataValue"),
        ("value", "serializedValue"),
        ("serializedValue", "externalValue"),
    ):
        if first in has and second in has:
            out.append(
                example.report(
                    f"example has both `{first}` and `{second}`, which are mutually exclusive; keep only one", second
                )
            )
    return out
