from __future__ import annotations

from collections.abc import Iterator

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import OAS3
from apictl.specs.openapi.model import Node


@rule(
    code="OAS238",
    name="array-parameter-serialization",
    on="Parameter",
    severity="warn",
    formats=OAS3,
    preset="all",
    category="correctness",
    redocly=("array-parameter-serialization",),
    options={"in": []},
)
def array_parameter_serialization(param: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Array parameters should say how they are serialised, with both `style` and `explode`.

    ## What it does
    Reports each parameter whose schema is an array (`type: array`, or with
    `items` or `prefixItems`) and that lacks `style` or `explode`. The `in`
    option limits the check to some locations (`query`, `header`, `path`,
    `cookie`); empty, it checks them all.

    ## Why is this bad?
    An array can be sent as `?id=1&id=2`, `?id=1,2`, `?id=1%202` or
    `?id=1|2`; the defaults (`form` + `explode: true` for query and cookie,
    `simple` for path and header) are easy to forget and differ by
    location. Clients and servers that guess differently silently lose
    values. Spelling out both fields makes the wire format part of the
    contract.

    ## Example
    ```yaml
    - name: ids
      in: query
      schema: {type: array, items: {type: integer}}
    ```

    ## Use instead
    ```yaml
    - name: ids
      in: query
      style: form
      explode: false
      schema: {type: array, items: {type: integer}}
    ```

    ## Options
    - `in` (default `[]`, all locations): the parameter locations to check,
      e.g. `["query"]`.

    ## References
    - https://spec.openapis.org/oas/v3.1.0#style-values
    - https://redocly.com/docs/cli/rules/oas/array-parameter-serialization
    """
    value = param.value
    if not isinstance(value, dict) or "schema" not in value:
        return
    raw = ctx.options.get("in", [])
    locations = [x for x in raw if isinstance(x, str)] if isinstance(raw, list) else []
    if locations and value.get("in") not in locations:
        return
    missing = [f for f in ("style", "explode") if f not in value]
    if not missing:
        return
    loc = ctx.deref(value["schema"], param.doc, join(param.pointer, "schema"))
    if loc is None or not isinstance(loc.value, dict):
        return
    schema = loc.value
    declared = schema.get("type")
    is_array = (
        declared == "array"
        or (isinstance(declared, list) and "array" in declared)
        or "items" in schema
        or "prefixItems" in schema
    )
    if is_array:
        fields = " and ".join(f"`{f}`" for f in missing)
        yield param.report(
            f"array parameter `{value.get('name')}` (in: {value.get('in')}) has no {fields}; say how it is "
            "serialised (e.g. `style: form` with `explode: true` for `?id=1&id=2`)"
        )
