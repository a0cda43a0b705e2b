from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._scale_helpers import has_header, header_names, report_at, response_label, responses, served
from apictl.specs.openapi.model import Node


@rule(
    code="OAS512",
    name="unavailable-retry-after",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
)
def unavailable_retry_after(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """A `503 Service Unavailable` response should declare `Retry-After`.

    ## What it does
    Reports each `503` response of an operation under `paths` that declares
    no `Retry-After` header (case-insensitive). A shared `503` response
    (`$ref`) is reported once, where it is written. It does not require
    operations to document `503`: whether one is worth documenting is the
    API's call.

    ## Why is this bad?
    `503` is what an overloaded or draining service returns while it sheds
    load. Clients that get no `Retry-After` retry on their own schedule —
    usually at once, usually all together — and the retry wave hits the
    service just as it tries to recover. `Retry-After` (RFC 9110 defines it
    for `503`) lets the server spread retries out, and tells SDKs that the
    failure is temporary and safe to retry later.

    ## Example
    ```yaml
    responses:
      '503':
        description: Temporarily unavailable
    ```

    ## Use instead
    ```yaml
    responses:
      '503':
        description: Temporarily unavailable
        headers:
          Retry-After:
            description: Seconds to wait before retrying.
            schema: {type: integer}
    ```

    ## References
    - https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4 (503 Service Unavailable)
    - https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3 (Retry-After)
    """
    if not served(op):
        return
    for code, response, entry in responses(ctx, op):
        if code != "503" or has_header(header_names(response), ["Retry-After"]):
            continue
        label = response_label(op, code, response, entry)
        yield report_at(
            response,
            f"{label} declares no `Retry-After`; clients retry at once and all together, "
            "hitting the service while it recovers",
            *(("headers",) if "headers" in response.value else ()),
        )
