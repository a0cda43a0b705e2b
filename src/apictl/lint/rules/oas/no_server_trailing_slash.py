from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import server_sites
from apictl.specs.openapi.access import is_oas2
from apictl.specs.openapi.model import Node


@rule(
    code="OAS414",
    name="no-server-trailing-slash",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("oas3-server-trailing-slash", "oas2-host-trailing-slash"),
    redocly=("no-server-trailing-slash",),
)
def no_server_trailing_slash(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Server URLs should not end with a slash.

    ## What it does
    Reports each server URL (top-level, path-level and operation-level
    `servers`) that ends with `/`, except the root URL `/` itself. In
    OpenAPI 2.0 it reports a `host` that ends with `/` (the 2.0 schema also
    rejects it, through `valid-structure`) and a `basePath` that ends with `/`
    (other than `/`).

    ## Why is this bad?
    Paths start with `/`, and clients build request URLs by appending the
    path to the server URL: `https://api.example.org/v1/` + `/pets` gives
    `https://api.example.org/v1//pets`, which many servers and proxies do not
    route to the same place (or at all).

    ## Example
    ```yaml
    servers:
      - url: https://api.petshop.io/v1/
    ```

    ## Use instead
    ```yaml
    servers:
      - url: https://api.petshop.io/v1
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#server-object
    - https://redocly.com/docs/cli/rules/oas/no-server-trailing-slash
    """
    if is_oas2(ctx.version):
        host = ctx.data.get("host") if isinstance(ctx.data, dict) else None
        if isinstance(host, str) and host.endswith("/"):
            yield root.report(
                f"host `{host}` ends with `/`; remove it (`{host.rstrip('/')}`): the host is joined with "
                "`basePath`, which starts with one",
                "host",
            )
        base = ctx.data.get("basePath") if isinstance(ctx.data, dict) else None
        if isinstance(base, str) and len(base) > 1 and base.endswith("/"):
            yield root.report(
                f"basePath `{base}` ends with `/`; remove the trailing slash (`{base.rstrip('/') or '/'}`), "
                "since paths start with one",
                "basePath",
            )
        return
    for url, doc, pointer in server_sites(ctx):
        if url.endswith("/") and url != "/":
            yield Finding(
                doc,
                pointer,
                f"server URL `{url}` ends with `/`; remove the trailing slash "
                f"(`{url.rstrip('/') or '/'}`), since paths start with one",
            )
