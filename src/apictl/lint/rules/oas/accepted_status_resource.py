from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import op_label
from apictl.lint.rules.oas._scale_helpers import (
    has_header,
    header_names,
    is_json,
    merge,
    names_option,
    payload_schemas,
    report_at,
    response_label,
    responses,
    served,
    squash,
)
from apictl.specs.openapi.access import Located
from apictl.specs.openapi.model import Node

STATUS_HEADERS = ["Location", "Content-Location", "Link", "Operation-Location", "Azure-AsyncOperation"]
STATUS_PROPERTIES = [
    "status_url",
    "status_uri",
    "monitor",
    "monitor_url",
    "operation_url",
    "location",
    "href",
    "url",
    "self",
    "_links",
    "links",
]
URI_FORMATS = ("uri", "uri-reference", "iri", "iri-reference")


@rule(
    code="OAS511",
    name="accepted-status-resource",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
    options={"headers": STATUS_HEADERS, "properties": STATUS_PROPERTIES, "allow_retry_after": False},
)
def accepted_status_resource(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """A `202 Accepted` response should point at a status resource the client can poll.

    ## What it does
    Reports each `202` response of an operation under `paths` that points at
    no status resource. It points at one when it declares

    - a `Location` header (or another of `headers`: `Content-Location`,
      `Link`, Azure's `Operation-Location` / `Azure-AsyncOperation`), or
    - OpenAPI `links` (3.x) to the operation that reads the status, or
    - a JSON body with a top-level property (`$ref`s and `allOf` followed)
      named in `properties` (`status_url`, `monitor`, `href`, `url`,
      `_links`…, compared loosely) or of `format: uri` / `uri-reference`.

    With `allow_retry_after`, a `Retry-After` header is accepted too: the
    "ask the same URL again later" protocol, where the resource itself is the
    status. A shared `202` response (`$ref`) is reported once, where it is written.
    Operations with Azure's `x-ms-long-running-operation: true` are skipped:
    by that convention the status is polled at the `Azure-AsyncOperation` or
    `Location` header, documented or not.

    It also reports an operation marked `x-long-running: true` — apictl's
    marker for "this takes long" — that documents no `202` at all. Wording in
    descriptions ("may take several minutes") is not guessed at.

    ## Why is this bad?
    `202` is how an API stays fast while work takes long: the request is
    accepted, the connection is released, and the work runs in a queue. But
    the client still needs the outcome. Without a status resource it can only
    guess — re-submit (duplicating work), poll something undocumented, or give
    up — and the long-running work ends up back on synchronous requests that
    hold connections and time out under load.

    ## Example
    ```yaml
    post:
      responses:
        '202':
          description: Export started
    ```

    ## Use instead
    ```yaml
    post:
      responses:
        '202':
          description: Export started; poll the Location for its status.
          headers:
            Location:
              description: URL of the export's status resource.
              schema: {type: string, format: uri}
    ```

    ## Options
    - `headers` (default `Location`, `Content-Location`, `Link`,
      `Operation-Location`, `Azure-AsyncOperation`): headers that point at a status resource.
    - `properties` (default `status_url`, `status_uri`, `monitor`,
      `monitor_url`, `operation_url`, `location`, `href`, `url`, `self`,
      `_links`, `links`): body properties that do.
    - `allow_retry_after` (default `false`): accept a `Retry-After` header alone.

    ## References
    - https://www.rfc-editor.org/rfc/rfc9110#section-15.3.3 (202 Accepted)
    - https://learn.microsoft.com/azure/architecture/patterns/async-request-reply
    - https://spec.openapis.org/oas/v3.1.0#link-object
    """
    if not served(op):
        return
    headers = names_option(ctx, "headers", STATUS_HEADERS)
    if ctx.options.get("allow_retry_after") is True:
        headers = [*headers, "Retry-After"]
    properties = {squash(p) for p in names_option(ctx, "properties", STATUS_PROPERTIES)}
    listed = list(responses(ctx, op))
    if op.value.get("x-long-running") is True and not any(code == "202" for code, _r, _e in listed):
        yield op.report(
            f"{op_label(op)} is marked `x-long-running: true` but documents no `202` response; accept the work "
            "with `202` and a `Location` to poll, so requests do not stay open until it ends",
            "x-long-running",
        )
    if op.value.get("x-ms-long-running-operation") is True:
        return  # Azure's convention: the status is polled at `Azure-AsyncOperation` / `Location`
    for code, response, entry in listed:
        if code != "202":
            continue
        if has_header(header_names(response), headers) or response.value.get("links"):
            continue
        if _body_links(ctx, op, response, properties):
            continue
        label = response_label(op, code, response, entry)
        yield report_at(
            response,
            f"{label} points at no status resource; add a `Location` header (or a status "
            "URL in the body, or `links`) so clients can poll for the outcome instead of resubmitting",
        )


def _body_links(ctx: RuleContext, op: Node, response: Located, properties: set[str]) -> bool:
    for media_type, schema in payload_schemas(ctx, response, op):
        if not is_json(media_type):
            continue
        m = merge(ctx, schema.value, schema.doc, schema.pointer)
        if m is None:
            continue
        for name, prop in m.properties.items():
            if squash(name) in properties:
                return True
            pm = merge(ctx, prop.value, prop.doc, prop.pointer)
            if pm is not None and pm.keywords.get("format") in URI_FORMATS:
                return True
    return False
