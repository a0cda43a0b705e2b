from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import path_keys, quote_list
from apictl.specs.openapi.model import Node


@rule(
    code="OAS211",
    name="path-not-include-query",
    on="Paths",
    severity="error",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("path-not-include-query",),
    redocly=("path-not-include-query",),
)
def path_not_include_query(paths: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Paths must not include a query string.

    ## What it does
    Reports each path that contains `?`, naming the query parameters written
    into it.

    ## Why is this bad?
    A path is matched against the path part of the URL only; the query string
    is described by parameters with `in: query`. A path such as
    `/pets?status=sold` never matches a request, its query parameters get no
    schema or description, and two "paths" differing only in their query
    cannot be told apart by a router.

    ## Example
    ```yaml
    paths:
      /pets?status={status}:
        get: ...
    ```

    ## Use instead
    ```yaml
    paths:
      /pets:
        get:
          parameters:
            - {name: status, in: query, schema: {type: string}}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#paths-object
    - https://spec.openapis.org/oas/v3.1.0#parameter-locations
    """
    for key in path_keys(paths.value):
        if "?" not in key:
            continue
        path, _, query = key.partition("?")
        names = list(dict.fromkeys(n for n in (part.partition("=")[0] for part in query.split("&")) if n))
        what = f"a query string ({quote_list(names)})" if names else "a query string"
        yield paths.report(
            f"path `{key}` includes {what}; use the path `{path or '/'}` and describe query "
            "parameters with `in: query`",
            key,
        )
