from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import require_text
from apictl.specs.openapi.model import Node


@rule(
    code="OAS412",
    name="parameter-description",
    on="Parameter",
    severity="warn",
    formats=ALL,
    preset="all",
    category="docs",
    spectral=("oas3-parameter-description", "oas2-parameter-description"),
    redocly=("parameter-description",),
)
def parameter_description(param: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every parameter should have a non-empty `description`.

    ## What it does
    Reports a Parameter Object (in operations, path items or reusable
    components) without a `description`, or whose `description` is empty or
    only whitespace. A parameter reached through `$ref` is checked once,
    where it is written.

    ## Why is this bad?
    A name and a type rarely say enough: what `since` is measured in, whether
    `limit` has a maximum, what `q` searches, which values `sort` accepts and
    what happens when a parameter is left out. Documentation and SDK doc
    comments are built from this field.

    ## Example
    ```yaml
    parameters:
      - name: limit
        in: query
        schema: {type: integer, maximum: 100}
    ```

    ## Use instead
    ```yaml
    parameters:
      - name: limit
        in: query
        description: How many pets to return (at most 100; default 20).
        schema: {type: integer, maximum: 100}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#parameter-object
    - https://redocly.com/docs/cli/rules/oas/parameter-description
    """
    if not isinstance(param.value, dict):
        return
    name, where = param.value.get("name"), param.value.get("in")
    what = "parameter"
    if isinstance(name, str):
        what = f"{where} parameter `{name}`" if isinstance(where, str) else f"parameter `{name}`"
    yield from require_text(
        param,
        "description",
        f"{what} has no `description`; say what it means, its unit or format, and its default",
        f"{what} has an empty `description`; say what it means, its unit or format, and its default",
    )
