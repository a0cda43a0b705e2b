from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import OAS3
from apictl.lint.rules.oas.response_contains_header import responses
from apictl.lint.rules.oas.response_contains_property import allof_properties
from apictl.specs.openapi.model import Node

PROBLEM_JSON = "application/problem+json"
_CLIENT_ERROR = re.compile(r"^4(?:\d\d|XX|xx)$")
_MEMBERS = ("type", "title")


@rule(
    code="OAS247",
    name="operation-4xx-problem-details",
    on="Operation",
    severity="warn",
    formats=OAS3,
    preset="all",
    category="correctness",
    redocly=("operation-4xx-problem-details-rfc7807",),
)
def operation_4xx_problem_details(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Client error responses should be Problem Details (`application/problem+json`, RFC 9457).

    ## What it does
    Reports each `4xx` response (`400`…`499`, `4XX`) of an operation that
    has no `application/problem+json` content; and, where it has one, a
    missing `schema`, or a schema that does not define the `type` and
    `title` members of a problem (directly or through `allOf`).

    ## Why is this bad?
    RFC 9457 (which obsoletes RFC 7807) gives HTTP APIs one machine-readable
    error format: a `type` URI identifying the problem, a human-readable
    `title`, the `status`, a `detail` and an `instance`. Clients, gateways
    and logging tools understand it without API-specific code; an API that
    invents its own error body for each endpoint makes every client write
    a parser per error.

    ## Example
    ```yaml
    '404':
      description: not found
      content:
        application/json:
          schema: {type: object, properties: {message: {type: string}}}
    ```

    ## Use instead
    ```yaml
    '404':
      description: not found
      content:
        application/problem+json:
          schema:
            type: object
            properties: {type: {type: string}, title: {type: string}, detail: {type: string}}
    ```

    ## References
    - https://www.rfc-editor.org/rfc/rfc9457
    - https://redocly.com/docs/cli/rules/oas/operation-4xx-problem-details-rfc7807
    """
    for code, loc in responses(ctx, op):
        if not _CLIENT_ERROR.match(code):
            continue
        content = loc.value.get("content")
        media = content.get(PROBLEM_JSON) if isinstance(content, dict) else None
        if media is None:
            yield Finding(
                loc.doc,
                loc.pointer,
                f"the `{code}` response has no `{PROBLEM_JSON}` content; describe client errors as "
                "Problem Details (RFC 9457)",
            )
            continue
        mloc = ctx.deref(media, loc.doc, join(loc.pointer, "content", PROBLEM_JSON))
        if mloc is None or not isinstance(mloc.value, dict):
            continue
        if "schema" not in mloc.value:
            yield Finding(
                mloc.doc,
                mloc.pointer,
                f"the `{PROBLEM_JSON}` content of the `{code}` response has no `schema`; describe the problem "
                "members (`type`, `title`, `status`, `detail`, `instance`)",
            )
            continue
        schema = ctx.deref(mloc.value["schema"], mloc.doc, join(mloc.pointer, "schema"))
        if schema is None or not isinstance(schema.value, dict):
            continue
        defined = allof_properties(ctx, schema.value, schema.doc, schema.pointer, set())
        missing = [m for m in _MEMBERS if m not in defined]
        if missing:
            names = " and ".join(f"`{m}`" for m in missing)
            yield Finding(
                schema.doc,
                join(schema.pointer, "properties") if "properties" in schema.value else schema.pointer,
                f"the problem schema of the `{code}` response does not define {names}; a Problem Details "
                "object identifies the problem by `type` and `title`",
            )
