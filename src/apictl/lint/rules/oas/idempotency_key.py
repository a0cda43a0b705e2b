from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import op_label
from apictl.lint.rules.oas._scale_helpers import header_param, names_option, quote_names, responses, served
from apictl.specs.openapi.model import Node

IDEMPOTENCY_HEADERS = ["Idempotency-Key"]


@rule(
    code="OAS507",
    name="idempotency-key",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
    options={"headers": IDEMPOTENCY_HEADERS},
)
def idempotency_key(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """A POST that creates a resource should accept an `Idempotency-Key` header.

    ## What it does
    Reports a `POST` operation under `paths` that documents a `201 Created`
    response but accepts no `Idempotency-Key` header parameter (its own or
    its path item's, `$ref`s followed; the name compares case-insensitively).

    Only `201` marks creation: "a POST to a collection path" cannot be told
    apart reliably from searches and actions (`POST /pets/search`,
    `POST /orders/{id}/cancel`), so the rule does not guess.

    ## Why is this bad?
    `POST` is not idempotent: when a create request times out, the client
    cannot know whether the resource exists. Retrying may create a duplicate
    (two orders, two payments); not retrying may lose it. Timeouts and retries
    become routine as traffic, gateways and replicas grow, so the contract
    needs a way to make the retry safe: the client sends a unique key, and the
    server returns the first result for a repeated key instead of creating again.

    ## Example
    ```yaml
    post:
      requestBody: {$ref: '#/components/requestBodies/NewOrder'}
      responses:
        '201': {description: Order created}
    ```

    ## Use instead
    ```yaml
    post:
      parameters:
        - name: Idempotency-Key
          in: header
          description: Unique per logical request; a retry with the same key returns the first result.
          schema: {type: string, maxLength: 255}
      requestBody: {$ref: '#/components/requestBodies/NewOrder'}
      responses:
        '201': {description: Order created}
    ```

    ## Options
    - `headers` (default `Idempotency-Key`): header parameters that count as an
      idempotency key (e.g. add `X-Idempotency-Key`).

    ## References
    - https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/
    - https://www.rfc-editor.org/rfc/rfc9110#section-9.2.2 (idempotent methods)
    """
    if op.method != "post" or not served(op):
        return
    if not any(code == "201" for code, _r, _e in responses(ctx, op)):
        return
    names = names_option(ctx, "headers", IDEMPOTENCY_HEADERS)
    if not names or header_param(ctx, op, names) is not None:
        return
    message = (
        f"{op_label(op)} creates a resource (`201`) but accepts no {quote_names(names)} header; a client "
        "whose request timed out cannot retry without risking a duplicate"
    )
    yield op.report(message, "parameters") if isinstance(op.get("parameters"), list) else op.report(message)
