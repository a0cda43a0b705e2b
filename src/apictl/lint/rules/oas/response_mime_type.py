from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas.request_mime_type import SENT, disallowed
from apictl.specs.openapi.model import Node


@rule(
    code="OAS244",
    name="response-mime-type",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="all",
    category="correctness",
    redocly=("response-mime-type",),
    options={"allowed_values": []},
)
def response_mime_type(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Responses should only use the media types the API allows.

    ## What it does
    Reports each media type of a payload the API sends that is not in the
    `allowed_values` option: the `content` of operations' responses, and
    of the request bodies of callbacks and webhooks (which the API sends to
    the consumer). For OpenAPI 2.0, the entries of `produces` (top-level and
    per operation). A media type with parameters
    (`application/json; charset=utf-8`) is allowed when its base type is.

    With no `allowed_values` (the default) the rule reports nothing:
    configure it to enforce a house style.

    ## Why is this bad?
    Every media type an API lists for a response is one clients must be
    ready to parse, and one the server must be able to produce on request
    (`Accept`). A consistent, short list keeps implementations, SDKs and
    documentation aligned.

    ## Example
    ```yaml
    # allowed_values: [application/json, application/problem+json]
    responses:
      '200':
        content:
          text/csv: {schema: {type: string}}
    ```

    ## Use instead
    ```yaml
    responses:
      '200':
        content:
          application/json: {schema: {$ref: '#/components/schemas/Report'}}
    ```

    ## Options
    - `allowed_values` (default `[]`): the media types responses may use.
      Empty: no check.

    ## References
    - https://redocly.com/docs/cli/rules/oas/response-mime-type
    """
    return disallowed(ctx, root, SENT)
