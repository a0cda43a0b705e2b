from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import op_label
from apictl.lint.rules.oas._scale_helpers import (
    has_header,
    header_names,
    is_public,
    names_option,
    report_at,
    response_label,
    responses,
    served,
)
from apictl.specs.openapi.model import Node

RATE_LIMIT_HEADERS = [
    "Retry-After",
    "RateLimit",
    "RateLimit-Policy",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "X-RateLimit-*",
    "X-Rate-Limit-*",
]


@rule(
    code="OAS503",
    name="rate-limit-response",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
    options={"scope": "public", "headers": RATE_LIMIT_HEADERS},
)
def rate_limit_response(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Public operations should document `429 Too Many Requests`, with `Retry-After` or rate-limit headers.

    ## What it does
    For each operation under `paths`:

    - when it is in scope — by default a *public* operation: one marked
      `x-public: true`, or with no security requirement in force
      (`security: []`, or none at all), or with the empty alternative `{}`
      (authentication optional) — reports it if its `responses` have no `429`;
    - whatever the scope, reports a `429` response that declares none of the
      rate-limit `headers`: `Retry-After`, the IETF `RateLimit` /
      `RateLimit-Policy` fields (and the older `RateLimit-Limit`, `-Remaining`,
      `-Reset`), or the common `X-RateLimit-*` / `X-Rate-Limit-*` ones. A
      shared `429` response (`$ref`) is reported once, where it is written.

    Header names compare case-insensitively; an entry ending in `*` is a prefix.

    ## Why is this bad?
    Every service that grows ends up rate-limiting, and public endpoints —
    which no API key identifies, so no per-customer quota protects — are the
    first ones. A client that does not know a `429` can happen treats it as a
    failure or retries at once, and a fleet of such clients turns a brief
    overload into a retry storm. `Retry-After` (or the `RateLimit` fields) tells
    clients how long to back off, so load spreads out instead of piling up.

    ## Example
    ```yaml
    /search:
      get:
        security: []
        responses:
          '200': {description: Results}
          '429': {description: Too many requests}
    ```

    ## Use instead
    ```yaml
    /search:
      get:
        security: []
        responses:
          '200': {description: Results}
          '429':
            description: Too many requests
            headers:
              Retry-After:
                description: Seconds to wait before retrying.
                schema: {type: integer}
    ```

    ## Options
    - `scope` (default `public`): `public` requires a `429` on public
      operations only; `all` on every operation.
    - `headers` (default `Retry-After`, `RateLimit`, `RateLimit-Policy`,
      `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`,
      `X-RateLimit-*`, `X-Rate-Limit-*`): a `429` must declare one of them.

    ## References
    - https://www.rfc-editor.org/rfc/rfc6585#section-4 (429 Too Many Requests)
    - https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3 (Retry-After)
    - https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/
    """
    if not served(op):
        return
    wanted = names_option(ctx, "headers", RATE_LIMIT_HEADERS)
    found = False
    for code, response, entry in responses(ctx, op):
        if code != "429":
            continue
        found = True
        names = header_names(response)
        if not has_header(names, wanted):
            label = response_label(op, code, response, entry)
            yield report_at(
                response,
                f"{label} declares no `Retry-After` or rate-limit header; without one, "
                "throttled clients cannot tell how long to back off and retry at once",
                *(("headers",) if "headers" in response.value else ()),
            )
    if found or not isinstance(op.get("responses"), dict):
        return
    scope = ctx.options.get("scope", "public")
    if scope != "all" and not is_public(ctx, op):
        return
    who = "public operation " if scope != "all" else ""
    yield op.report(
        f"{who}{op_label(op)} documents no `429` response; document how it is throttled (with `Retry-After` or "
        "rate-limit headers) so clients back off instead of retrying at once",
        "responses",
    )
