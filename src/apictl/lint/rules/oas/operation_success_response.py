from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import item_context, op_label
from apictl.specs.openapi.model import Node

_SUCCESS = re.compile(r"[23](?:[0-9]{2}|[Xx]{2})")


@rule(
    code="OAS207",
    name="operation-success-response",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("operation-success-response",),
    redocly=("operation-2xx-response",),
)
def operation_success_response(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every operation should document at least one successful response.

    ## What it does
    Reports an operation whose `responses` has no `2xx` or `3xx` status code
    (`200`, `204`, `301`, … or the ranges `2XX`, `3XX`) and no `default`
    response. Operations of webhooks are skipped: their responses are what
    the receiver of the webhook answers, not this API.

    ## Why is this bad?
    The success response is the contract callers code against. Without one,
    code generators return nothing useful, mock servers cannot answer and
    readers cannot tell what a successful call returns.

    ## Example
    ```yaml
    get:
      responses:
        '404':
          description: Not found
    ```

    ## Use instead
    ```yaml
    get:
      responses:
        '200':
          description: The pet
        '404':
          description: Not found
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#responses-object
    """
    responses = op.get("responses")
    if not isinstance(responses, dict) or item_context(op) == "webhooks":
        return
    codes = [str(code) for code in responses if not str(code).startswith("x-")]
    if any(code == "default" or _SUCCESS.fullmatch(code) for code in codes):
        return
    listed = ", ".join(f"`{c}`" for c in codes) if codes else "none"
    yield op.report(
        f"{op_label(op)} documents no success response (responses: {listed}); "
        "add a `2xx` or `3xx` response describing what a successful call returns",
        "responses",
    )
