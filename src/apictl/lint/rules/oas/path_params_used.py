from __future__ import annotations

from collections.abc import Iterator

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import Param, operations, parameters, path_item, path_keys, template_names
from apictl.specs.openapi.model import Node


@rule(
    code="OAS204",
    name="path-params-used",
    on="Paths",
    severity="error",
    formats=ALL,
    preset="minimal",
    category="correctness",
    spectral=("path-params",),
    redocly=("path-parameters-defined", "path-params-defined"),
)
def path_params_used(paths: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every `in: path` parameter must appear as a variable in its path template.

    ## What it does
    Reports each parameter with `in: path`, declared on an operation or on a
    path item, whose `name` is not a `{variable}` of the path it is used under.
    A parameter included by `$ref` is reported at the `$ref` (the use is what
    is wrong, not the shared definition); an inline one at its `name`.

    ## Why is this bad?
    The specification requires the name of a path parameter to correspond to a
    template expression of the path. A path parameter that is not in the path
    cannot be sent at all; usually it is a typo (`petID` for `{petId}`) or a
    leftover from a renamed path, and the real variable is then undeclared.

    ## Example
    ```yaml
    paths:
      /pets/{petId}:
        get:
          parameters:
            - {name: petID, in: path, required: true, schema: {type: string}}
    ```

    ## Use instead
    ```yaml
    paths:
      /pets/{petId}:
        get:
          parameters:
            - {name: petId, in: path, required: true, schema: {type: string}}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#parameter-object
    - https://spec.openapis.org/oas/v3.1.0#path-templating
    """
    for key in path_keys(paths.value):
        item = path_item(ctx.ws, paths.value, paths.doc, paths.pointer, key)
        if item is None:
            continue
        names = list(dict.fromkeys(template_names(key)))
        item_params = parameters(ctx.ws, item.value, item.doc, item.pointer)
        yield from _unused(item_params, names, key, "declared on the path item")
        for tokens, method, op in operations(item.value, ctx.version):
            op_params = parameters(ctx.ws, op, item.doc, join(item.pointer, *tokens))
            yield from _unused(op_params, names, key, f"of the {method} operation")


def _unused(params: list[Param], names: list[str], key: str, where: str) -> Iterator[Finding]:
    for p in params:
        name = p.name
        if p.location != "path" or not isinstance(name, str) or name in names:
            continue
        doc, pointer = p.pointer_of("name")
        if names:
            hint = "its variables: " + ", ".join(f"`{{{n}}}`" for n in names)
        else:
            hint = "it has no variables"
        yield Finding(
            doc,
            pointer,
            f"path parameter `{name}` {where} is not in the path `{key}` ({hint}); "
            "rename it to match a variable, or remove it",
        )
