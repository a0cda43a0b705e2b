from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import path_keys
from apictl.specs.openapi.model import Node


@rule(
    code="OAS219",
    name="path-declarations-must-exist",
    on="Paths",
    severity="error",
    formats=ALL,
    preset="minimal",
    category="correctness",
    spectral=("path-declarations-must-exist",),
    redocly=("path-declaration-must-exist",),
)
def path_declarations_must_exist(paths: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Path template variables must have a name: `{}` is not a variable.

    ## What it does
    Reports each path containing an empty template expression `{}`.

    ## Why is this bad?
    A template variable is matched to a path parameter by its name; `{}` has
    none, so no parameter can describe it. Tools either reject the path or
    treat `{}` as literal text that no request contains.

    ## Example
    ```yaml
    paths:
      /pets/{}:
        get: ...
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
    - https://spec.openapis.org/oas/v3.1.0#path-templating
    """
    for key in path_keys(paths.value):
        if "{}" in key:
            count = key.count("{}")
            what = "an empty template expression `{}`" if count == 1 else f"{count} empty template expressions `{{}}`"
            yield paths.report(
                f"path `{key}` has {what}; name each variable (e.g. `{{petId}}`) and declare it as "
                "an `in: path` parameter",
                key,
            )
