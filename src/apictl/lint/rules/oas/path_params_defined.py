from __future__ import annotations

from collections.abc import Iterator

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import operations, parameters, path_item, path_keys, template_names
from apictl.specs.openapi.model import Node


@rule(
    code="OAS203",
    name="path-params-defined",
    on="Paths",
    severity="error",
    formats=ALL,
    preset="minimal",
    category="correctness",
    spectral=("path-params",),
    redocly=("path-parameters-defined", "path-params-defined"),
)
def path_params_defined(paths: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every variable in a path template must be declared as an `in: path` parameter.

    ## What it does
    For each path such as `/pets/{petId}`, checks that every operation of the
    path has a parameter with `in: path` and `name: petId`, declared on the
    operation or on the path item (after following `$ref`s, also for a path
    item written in another file). The finding is placed on the operation's
    `parameters` (or on the operation when it has none), once per missing
    variable. A path that uses the same variable twice (`/a/{id}/b/{id}`) is
    reported too, on the path.

    ## Why is this bad?
    The specification requires each template expression to correspond to a
    path parameter. Without one, code generators emit methods that cannot fill
    in the URL, documentation shows no description or type for the variable,
    and request validators reject every call.

    ## Example
    ```yaml
    paths:
      /pets/{petId}:
        get:
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
    ```

    ## Use instead
    ```yaml
    paths:
      /pets/{petId}:
        parameters:
          - {name: petId, in: path, required: true, schema: {type: string}}
        get: ...
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#path-templating
    - https://spec.openapis.org/oas/v3.1.0#parameter-object
    """
    for key in path_keys(paths.value):
        names = template_names(key)
        if not names:
            continue
        repeated = sorted({n for n in names if names.count(n) > 1}, key=names.index)
        for name in repeated:
            yield paths.report(
                f"path `{key}` uses the variable `{{{name}}}` more than once; "
                "give each template variable a distinct name",
                key,
            )
        item = path_item(ctx.ws, paths.value, paths.doc, paths.pointer, key)
        if item is None:
            continue
        item_params = parameters(ctx.ws, item.value, item.doc, item.pointer)
        if any(p.target is None for p in item_params):
            continue  # an unresolved `$ref` (reported by no-unresolved-refs) may be the declaration
        declared = {p.name for p in item_params if p.location == "path"}
        expected = list(dict.fromkeys(names))
        for tokens, method, op in operations(item.value, ctx.version):
            op_pointer = join(item.pointer, *tokens)
            op_params = parameters(ctx.ws, op, item.doc, op_pointer)
            if any(p.target is None for p in op_params):
                continue
            defined = declared | {p.name for p in op_params if p.location == "path"}
            for name in expected:
                if name not in defined:
                    yield Finding(
                        item.doc,
                        join(op_pointer, "parameters"),
                        f"{method} {key} does not declare the path parameter `{name}`; add `{{name: {name}, in: path, "
                        "required: true}` to the operation's or the path item's `parameters`",
                    )
