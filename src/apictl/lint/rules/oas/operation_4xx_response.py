from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import item_context, op_label
from apictl.specs.openapi.model import Node

_CLIENT_ERROR = re.compile(r"4(?:[0-9]{2}|[Xx]{2})")


@rule(
    code="OAS208",
    name="operation-4xx-response",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="correctness",
    redocly=("operation-4xx-response",),
)
def operation_4xx_response(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every operation should document at least one client error (`4xx`) response.

    ## What it does
    Reports an operation whose `responses` has no `4xx` status code (`400`,
    `404`, `422`, … or the range `4XX`). A `default` response does not count:
    it does not tell callers which of their mistakes are reported how.
    Operations of webhooks and callbacks are skipped: their responses are
    answered by the API's consumers.

    ## Why is this bad?
    Every API rejects some requests (invalid input, missing authentication,
    unknown resources). Callers need to know the status codes and the error
    body to handle those cases; undocumented errors become runtime surprises
    and generated clients throw untyped exceptions.

    ## Example
    ```yaml
    get:
      responses:
        '200':
          description: The pet
    ```

    ## Use instead
    ```yaml
    get:
      responses:
        '200':
          description: The pet
        '404':
          description: No pet with this id
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#responses-object
    - https://redocly.com/docs/cli/rules/oas/operation-4xx-response
    """
    responses = op.get("responses")
    if not isinstance(responses, dict) or item_context(op) in ("webhooks", "callbacks"):
        return
    if any(_CLIENT_ERROR.fullmatch(str(code)) for code in responses):
        return
    yield op.report(
        f"{op_label(op)} documents no `4xx` response; add the client errors it can return "
        "(e.g. `400` for invalid input, `404` for an unknown resource)",
        "responses",
    )
