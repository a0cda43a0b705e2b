from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import operations, path_item, path_keys
from apictl.specs.openapi.access import is_oas2
from apictl.specs.openapi.model import Node


def _has_servers(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("servers"), list) and bool(value["servers"])


@rule(
    code="OAS214",
    name="servers-defined",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("oas3-api-servers", "oas2-api-host"),
    redocly=("no-empty-servers",),
)
def servers_defined(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """The API should say where it is served: `servers` (3.x) or `host` (2.0).

    ## What it does
    OpenAPI 3.x: reports a document without a top-level `servers` list, or
    with an empty one, unless every operation under `paths` gets servers
    from its path item or itself. OpenAPI 2.0: reports a document without a
    `host` (or with an empty one). Documents without operations (libraries
    of shared components, webhook-only descriptions) are not reported.

    ## Why is this bad?
    Without servers, 3.x tools assume the API lives at `/` relative to
    wherever the description was loaded from, and 2.0 tools assume the host
    that served the file: generated clients and "try it" consoles call the
    wrong address, and readers cannot tell where the API is.

    ## Example
    ```yaml
    openapi: 3.1.0
    info: {title: Pets, version: 1.0.0}
    paths: ...
    ```

    ## Use instead
    ```yaml
    openapi: 3.1.0
    info: {title: Pets, version: 1.0.0}
    servers:
      - url: https://api.example.com/v1
    paths: ...
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#openapi-object
    - https://spec.openapis.org/oas/v2.0#swagger-object
    """
    data = root.value
    paths = data.get("paths") if isinstance(data, dict) else None
    keys = list(path_keys(paths))
    if not keys:
        return
    if is_oas2(ctx.version):
        host = data.get("host")
        if "host" not in data:
            yield root.report(
                "no `host`: clients cannot tell where the API is served; add `host` (with `basePath` and `schemes`)",
                "swagger",
            )
        elif not isinstance(host, str) or not host.strip():
            yield root.report("`host` is empty; set it to the API's host name (e.g. `api.example.com`)", "host")
        return
    servers = data.get("servers")
    if isinstance(servers, list) and servers:
        return
    if _all_operations_have_servers(ctx, root, paths, keys):
        return
    if servers is None:
        yield root.report(
            "no `servers`: tools will assume the API is served at `/` relative to this file; add "
            "`servers` with the API's base URL",
            "openapi",
        )
    else:
        yield root.report(
            "`servers` is empty: tools will assume the API is served at `/` relative to this file; "
            "add the API's base URL",
            "servers",
        )


def _all_operations_have_servers(ctx: RuleContext, root: Node, paths: Any, keys: list[str]) -> bool:
    found = False
    for key in keys:
        item = path_item(ctx.ws, paths, root.doc, "/paths", key)
        if item is None:
            continue
        item_servers = _has_servers(item.value)
        for _, _, op in operations(item.value, ctx.version):
            found = True
            if not item_servers and not _has_servers(op):
                return False
    return found
