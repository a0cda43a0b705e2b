from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import OAS3
from apictl.lint.rules.oas._paths_helpers import quote_list, template_names
from apictl.specs.openapi.model import Node


@rule(
    code="OAS212",
    name="no-undefined-server-variable",
    on="Server",
    severity="error",
    formats=OAS3,
    preset="minimal",
    category="correctness",
    spectral=("oas3-server-variables",),
    redocly=("no-undefined-server-variable",),
)
def no_undefined_server_variable(server: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every `{variable}` in a server URL must be defined under the server's `variables`.

    ## What it does
    Reports each server (top-level, path-level or operation-level) whose `url`
    uses a `{variable}` that its `variables` map does not define, naming the
    missing variables. The finding is placed on the `url`.

    ## Why is this bad?
    A server variable gets its value from its definition (`default`, `enum`).
    Without one, no tool can build the URL: clients send requests to a host
    literally containing `{region}`, and "try it" consoles fail.

    ## Example
    ```yaml
    servers:
      - url: https://{region}.api.example.com/v1
    ```

    ## Use instead
    ```yaml
    servers:
      - url: https://{region}.api.example.com/v1
        variables:
          region:
            default: eu
            enum: [eu, us]
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#server-object
    - https://spec.openapis.org/oas/v3.1.0#server-variable-object
    """
    url = server.get("url")
    if not isinstance(url, str) or "{" not in url:
        return
    variables = server.get("variables")
    defined = variables if isinstance(variables, dict) else {}
    missing = [name for name in dict.fromkeys(template_names(url)) if name not in defined]
    if missing:
        noun = "variable" if len(missing) == 1 else "variables"
        yield server.report(
            f"server url `{url}` uses the undefined {noun} {quote_list(missing)}; define "
            f"{'it' if len(missing) == 1 else 'them'} under `variables` with a `default`",
            "url",
        )
