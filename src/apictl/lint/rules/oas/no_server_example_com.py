from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import server_sites, url_host
from apictl.specs.openapi.access import is_oas2
from apictl.specs.openapi.model import Node


@rule(
    code="OAS413",
    name="no-server-example-com",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("oas3-server-not-example.com", "oas2-host-not-example"),
    redocly=("no-server-example.com",),
    options={"hosts": ["example.com", "localhost"]},
)
def no_server_example_com(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Server URLs should not point at example.com or localhost.

    ## What it does
    Reports each server URL (top-level, path-level and operation-level
    `servers`; in OpenAPI 2.0 the `host`) whose host is `example.com`,
    `localhost`, or a subdomain of either (`api.example.com`). Server
    variables are allowed in the URL (`https://{region}.example.com`).
    The `hosts` option sets the list of placeholder hosts.

    Like Redocly's rule (and unlike Spectral's, which matches `example.com`
    anywhere in the URL), only the host is checked.

    ## Why is this bad?
    `example.com` is a placeholder left from a template, and `localhost`
    only exists on the author's machine. Documentation "try it" consoles,
    generated SDKs and mock tools use the first server as their default base
    URL, so consumers' first request goes nowhere.

    ## Example
    ```yaml
    servers:
      - url: https://api.example.com/v1
    ```

    ## Use instead
    ```yaml
    servers:
      - url: https://api.petshop.io/v1
    ```

    ## Options
    - `hosts` (default `["example.com", "localhost"]`): placeholder hosts to
      report, each with its subdomains.

    ## References
    - https://redocly.com/docs/cli/rules/oas/no-server-example-com
    - https://www.rfc-editor.org/rfc/rfc2606
    """
    raw = ctx.options.get("hosts", ["example.com", "localhost"])
    hosts = [h.lower() for h in raw if isinstance(h, str)] if isinstance(raw, list) else []
    if not hosts:
        return
    for url, doc, pointer in server_sites(ctx):
        host = url_host(url)
        if host is None:
            continue
        hit = next((h for h in hosts if host == h or host.endswith("." + h)), None)
        if hit is None:
            continue
        subject = f"host `{ctx.data.get('host')}`" if is_oas2(ctx.version) else f"server URL `{url}`"
        why = "only exists on the author's machine" if hit == "localhost" else "is a placeholder domain"
        yield Finding(doc, pointer, f"{subject} points at {hit}, which {why}; use the API's real host")
