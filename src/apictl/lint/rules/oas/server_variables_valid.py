from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import OAS3
from apictl.lint.rules.oas._paths_helpers import template_names
from apictl.specs.openapi.model import Node


@rule(
    code="OAS213",
    name="server-variables-valid",
    on="Server",
    severity="error",
    formats=OAS3,
    preset="recommended",
    category="correctness",
    spectral=("oas3-server-variables",),
    redocly=("no-server-variables-empty-enum", "no-undefined-server-variable"),
)
def server_variables_valid(server: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Server variables must be used in the URL, and their `default` must be one of their `enum`.

    ## What it does
    For each server (top-level, path-level or operation-level), reports:
    - a variable defined under `variables` that the `url` does not use;
    - a variable whose `default` is not one of the values of its `enum`;
    - in OpenAPI 3.0, a variable with an empty `enum` (3.1 and later forbid it
      in their schema, which `valid-structure` checks).

    Variables used in the `url` but not defined are reported by
    `no-undefined-server-variable`.

    ## Why is this bad?
    An unused variable is dead configuration, often a typo of the name used
    in the URL. The `default` is the value used when the client supplies
    none, and the `enum` lists the only values allowed: a default outside it
    makes the default server URL one that the description itself forbids, and
    an empty `enum` allows no value at all.

    ## Example
    ```yaml
    servers:
      - url: https://{region}.api.example.com
        variables:
          region:
            default: ap
            enum: [eu, us]
          port:
            default: '443'
    ```

    ## Use instead
    ```yaml
    servers:
      - url: https://{region}.api.example.com
        variables:
          region:
            default: eu
            enum: [eu, us]
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#server-variable-object
    """
    variables = server.get("variables")
    if not isinstance(variables, dict):
        return
    url = server.get("url")
    used = set(template_names(url)) if isinstance(url, str) else None
    for name, var in variables.items():
        if used is not None and name not in used:
            yield server.report(
                f"server variable `{name}` is not used in the url `{url}`; use it as `{{{name}}}` or remove it",
                "variables",
                name,
            )
        if not isinstance(var, dict):
            continue
        enum, default = var.get("enum"), var.get("default")
        if not isinstance(enum, list):
            continue
        if not enum:
            if ctx.version == "oas3.0":  # 3.1+ schemas have `minItems: 1`, reported by valid-structure
                yield server.report(
                    f"server variable `{name}` has an empty `enum`, which allows no value; list the "
                    "allowed values or remove `enum`",
                    "variables",
                    name,
                    "enum",
                )
        elif "default" in var and default not in enum:
            allowed = ", ".join(f"`{v}`" for v in enum[:10]) + (", …" if len(enum) > 10 else "")
            yield server.report(
                f"the default `{default}` of server variable `{name}` is not one of its `enum` values "
                f"({allowed}); change the default or add it to the enum",
                "variables",
                name,
                "default",
            )
