from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import op_label
from apictl.lint.rules.oas._scale_helpers import (
    has_header,
    header_names,
    header_param,
    report_at,
    responses,
    served,
)
from apictl.lint.rules.oas.get_cache_headers import CACHEABLE
from apictl.specs.openapi.model import Node

CONDITIONAL_HEADERS = ["If-None-Match", "If-Modified-Since"]
VALIDATORS = ["ETag", "Last-Modified"]


@rule(
    code="OAS505",
    name="conditional-get",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
)
def conditional_get(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Conditional GETs should be complete: `If-None-Match` needs a `304`, and a `304` needs an `ETag`.

    ## What it does
    For each `GET` operation under `paths`:

    - when it accepts an `If-None-Match` or `If-Modified-Since` header
      parameter, reports its `responses` if they have no `304`;
    - when it documents `304 Not Modified`, reports each success response
      (`200`, `203`, `206`, `2XX`) that declares neither `ETag` nor
      `Last-Modified` — the validator a client must send back.

    Header names compare case-insensitively. Whether a GET should support
    conditional requests at all is left to `get-cache-headers` (OAS504).

    ## Why is this bad?
    Conditional requests are how polling clients stay cheap: the client sends
    the `ETag` it has in `If-None-Match`, and when nothing changed the server
    answers `304` with no body (and often without touching the database). If
    the contract accepts `If-None-Match` but never mentions `304`, clients and
    generated SDKs treat the empty answer as an error; if it documents `304`
    but no `ETag`, clients have nothing to send, and every poll is a full read.

    ## Example
    ```yaml
    get:
      parameters:
        - {name: If-None-Match, in: header, schema: {type: string}}
      responses:
        '200': {description: The pet}
    ```

    ## Use instead
    ```yaml
    get:
      parameters:
        - {name: If-None-Match, in: header, schema: {type: string}}
      responses:
        '200':
          description: The pet
          headers:
            ETag: {schema: {type: string}}
        '304': {description: Not modified since the ETag sent}
    ```

    ## References
    - https://www.rfc-editor.org/rfc/rfc9110#section-13.1.2 (If-None-Match)
    - https://www.rfc-editor.org/rfc/rfc9110#section-15.4.5 (304 Not Modified)
    """
    if op.method != "get" or not served(op) or not isinstance(op.get("responses"), dict):
        return
    listed = list(responses(ctx, op))
    has_304 = any(code == "304" for code, _r, _e in listed)
    param = header_param(ctx, op, CONDITIONAL_HEADERS)
    if param is not None and not has_304:
        yield op.report(
            f"{op_label(op)} accepts `{param.value.get('name')}` but documents no `304` response; clients "
            "and SDKs will treat the empty not-modified answer as an error",
            "responses",
        )
    if not has_304:
        return
    for code, response, _entry in listed:
        if code in CACHEABLE and not has_header(header_names(response), VALIDATORS):
            yield report_at(
                response,
                f"{op_label(op)} documents `304 Not Modified` but its `{code}` response declares no `ETag` or "
                "`Last-Modified`; clients have no validator to send back, so every poll is a full read",
                *(("headers",) if "headers" in response.value else ()),
            )
