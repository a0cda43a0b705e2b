from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._scale_helpers import (
    has_header,
    header_names,
    names_option,
    quote_names,
    report_at,
    response_label,
    responses,
    served,
)
from apictl.specs.openapi.model import Node

CACHE_HEADERS = ["ETag", "Cache-Control", "Last-Modified"]
CACHEABLE = ("200", "203", "206", "2XX", "2xx")


@rule(
    code="OAS504",
    name="get-cache-headers",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
    options={"headers": CACHE_HEADERS},
)
def get_cache_headers(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Successful GET responses should declare their caching: `ETag` and/or `Cache-Control`.

    ## What it does
    Reports each `200`, `203`, `206` or `2XX` response of a `GET` operation
    under `paths` that declares none of the caching `headers` — by default
    `ETag`, `Cache-Control` or `Last-Modified` (a validator or a freshness
    policy). A shared response (`$ref`) is reported once, where it is written.
    Header names compare case-insensitively.

    ## Why is this bad?
    Reads dominate most APIs' traffic, and the cheapest request is one that
    never reaches the origin. `Cache-Control` lets browsers, CDNs and client
    caches reuse a response (or tells them not to, for private data); an
    `ETag` or `Last-Modified` lets them revalidate it with a conditional
    request that costs a `304` instead of a full body. When the contract says
    nothing, clients cannot cache safely, and every poll is a full read
    served by the origin.

    ## Example
    ```yaml
    get:
      responses:
        '200':
          description: The pet
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
    ```

    ## Use instead
    ```yaml
    get:
      responses:
        '200':
          description: The pet
          headers:
            ETag:
              description: Version of the pet, for `If-None-Match`.
              schema: {type: string}
            Cache-Control:
              schema: {type: string, example: 'private, max-age=60'}
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
    ```

    ## Options
    - `headers` (default `ETag`, `Cache-Control`, `Last-Modified`): a success
      response must declare one of them (an entry ending in `*` is a prefix).

    ## References
    - https://www.rfc-editor.org/rfc/rfc9111 (HTTP Caching)
    - https://www.rfc-editor.org/rfc/rfc9110#section-8.8 (validators: ETag, Last-Modified)
    """
    if op.method != "get" or not served(op):
        return
    wanted = names_option(ctx, "headers", CACHE_HEADERS)
    for code, response, entry in responses(ctx, op):
        if code not in CACHEABLE or has_header(header_names(response), wanted):
            continue
        label = response_label(op, code, response, entry)
        yield report_at(
            response,
            f"{label} declares no caching header ({quote_names(wanted)}); without one, "
            "clients and CDNs cannot reuse or revalidate it and every read reaches the origin",
            *(("headers",) if "headers" in response.value else ()),
        )
