from __future__ import annotations

from collections.abc import Iterator

from apictl.core.document import Document
from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import in_callback
from apictl.lint.rules.oas._paths_helpers import item_context
from apictl.specs.openapi.access import is_oas2
from apictl.specs.openapi.model import OPERATION, Node

RECEIVED, SENT = "request", "response"


def media_types(ctx: RuleContext, root: Node, direction: str) -> Iterator[tuple[Document, str, str]]:
    """(document, pointer, media type) of every payload the API receives
    (`RECEIVED`: request bodies of its operations, responses of its callbacks
    and webhooks) or sends (`SENT`: the other way round). For OpenAPI 2.0, the
    entries of `consumes` / `produces`, top-level and per operation."""
    if is_oas2(ctx.version):
        field = "consumes" if direction == RECEIVED else "produces"
        holders = [root] + list(ctx.nodes[OPERATION])
        for holder in holders:
            values = holder.get(field)
            if isinstance(values, list):
                for i, mt in enumerate(values):
                    if isinstance(mt, str):
                        yield holder.doc, join(holder.pointer, field, i), mt
        return
    for op in ctx.nodes[OPERATION]:
        outbound = in_callback(op) or item_context(op) == "webhooks"  # the API sends the request
        if (direction == RECEIVED) != outbound:
            body = ctx.deref(op.get("requestBody"), op.doc, join(op.pointer, "requestBody"))
            if body is not None:
                yield from _content(body.value, body.doc, body.pointer)
            continue
        responses = op.get("responses")
        if not isinstance(responses, dict):
            continue
        for code, response in responses.items():
            if str(code).startswith("x-"):
                continue
            loc = ctx.deref(response, op.doc, join(op.pointer, "responses", code))
            if loc is not None:
                yield from _content(loc.value, loc.doc, loc.pointer)


def _content(value: object, doc: Document, pointer: str) -> Iterator[tuple[Document, str, str]]:
    content = value.get("content") if isinstance(value, dict) else None
    if isinstance(content, dict):
        for mt in content:
            yield doc, join(pointer, "content", mt), str(mt)


def disallowed(ctx: RuleContext, root: Node, direction: str) -> Iterator[Finding]:
    raw = ctx.options.get("allowed_values", [])
    allowed = [a for a in raw if isinstance(a, str)] if isinstance(raw, list) else []
    if not allowed:
        return
    folded = {a.lower() for a in allowed}
    shown = ", ".join(f"`{a}`" for a in allowed)
    seen: set[tuple[str, str]] = set()
    for doc, pointer, mt in media_types(ctx, root, direction):
        if (doc.uri, pointer) in seen:
            continue
        seen.add((doc.uri, pointer))
        if mt.lower() in folded or mt.split(";", 1)[0].strip().lower() in folded:
            continue
        what = "request" if direction == RECEIVED else "response"
        yield Finding(doc, pointer, f"{what} media type `{mt}` is not one of the allowed ones ({shown})")


@rule(
    code="OAS243",
    name="request-mime-type",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="all",
    category="correctness",
    redocly=("request-mime-type",),
    options={"allowed_values": []},
)
def request_mime_type(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Request bodies should only use the media types the API allows.

    ## What it does
    Reports each media type of a payload the API receives that is not in
    the `allowed_values` option: the `content` of operations' request
    bodies, and of the responses to callbacks and webhooks (which the API
    receives from the consumer). For OpenAPI 2.0, the entries of `consumes`
    (top-level and per operation). A media type with parameters
    (`application/json; charset=utf-8`) is allowed when its base type is.

    With no `allowed_values` (the default) the rule reports nothing:
    configure it to enforce a house style.

    ## Why is this bad?
    An API that accepts a stray `text/plain` or `application/xml` next to
    its JSON must parse, validate and test every format it lists, and
    clients pick whichever comes first. Restricting the list keeps
    implementations and documentation consistent.

    ## Example
    ```yaml
    # allowed_values: [application/json]
    requestBody:
      content:
        application/xml: {schema: {$ref: '#/components/schemas/Pet'}}
    ```

    ## Use instead
    ```yaml
    requestBody:
      content:
        application/json: {schema: {$ref: '#/components/schemas/Pet'}}
    ```

    ## Options
    - `allowed_values` (default `[]`): the media types requests may use,
      e.g. `["application/json", "multipart/form-data"]`. Empty: no check.

    ## References
    - https://redocly.com/docs/cli/rules/oas/request-mime-type
    """
    return disallowed(ctx, root, RECEIVED)
