from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import url_host
from apictl.specs.openapi.model import SERVER, Node

_HTTP = re.compile(r"^\s*http://", re.IGNORECASE)
_LOCAL = re.compile(r"^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|[^/]*\.localhost)$", re.IGNORECASE)


def is_local(host: str | None) -> bool:
    return host is not None and bool(_LOCAL.match(host))


@rule(
    code="OAS305", name="servers-use-https", on="Root", severity="warn", formats=ALL, preset="all", category="security"
)
def servers_use_https(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Server URLs should use `https://`, except for local development servers.

    ## What it does
    Reports every server URL (top-level, path and operation `servers`) that
    starts with `http://`, and in OpenAPI 2.0 an `http` entry of `schemes`,
    unless the host is local: `localhost`, `*.localhost`, `127.x.x.x`,
    `[::1]` or `0.0.0.0`. Relative URLs and URLs whose scheme is a server
    variable are not checked.

    ## Why is this bad?
    Over plain HTTP, credentials, tokens and data travel unencrypted and can
    be read or altered by anyone on the path. Listing an HTTP server invites
    clients to use it.

    ## Example
    ```yaml
    servers:
      - url: http://api.example.com/v1
    ```

    ## Use instead
    ```yaml
    servers:
      - url: https://api.example.com/v1
      - url: http://localhost:8080/v1   # local development is fine
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#server-object
    - https://owasp.org/API-Security/editions/2023/en/0xa8-security-misconfiguration/
    """
    data = ctx.data
    if not isinstance(data, dict):
        return
    if ctx.version == "oas2":
        schemes = data.get("schemes")
        host = data.get("host")
        if isinstance(schemes, list) and not (isinstance(host, str) and is_local(host.split(":", 1)[0].lower())):
            for i, scheme in enumerate(schemes):
                if isinstance(scheme, str) and scheme.lower() == "http":
                    target = f" for host `{host}`" if isinstance(host, str) else ""
                    yield Finding(
                        ctx.doc,
                        f"/schemes/{i}",
                        f"`schemes` lists plain `http`{target}; use `https` "
                        "(over HTTP, credentials and data travel unencrypted)",
                    )
        return
    for server in ctx.nodes[SERVER]:
        url = server.get("url")
        if isinstance(url, str) and _HTTP.match(url) and not is_local(url_host(url)):
            yield server.report(
                f"server URL `{url}` uses plain HTTP; use `https://` (over HTTP, credentials and "
                "data travel unencrypted)",
                "url",
            )
