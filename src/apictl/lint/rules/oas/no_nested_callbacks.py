from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import OAS3
from apictl.lint.rules.oas._docs_helpers import op_label
from apictl.lint.rules.oas._paths_helpers import item_context
from apictl.specs.openapi.model import Node


@rule(
    code="OAS231",
    name="no-nested-callbacks",
    on="Operation",
    severity="warn",
    formats=OAS3,
    preset="recommended",
    category="correctness",
    spectral=("oas3-callbacks-in-callbacks", "oas3_1-callbacks-in-webhook"),
)
def no_nested_callbacks(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Callbacks and webhooks should not define callbacks of their own.

    ## What it does
    Reports the `callbacks` of an operation that is itself a callback (under
    another operation's `callbacks`) or a webhook (under `webhooks`, from
    OpenAPI 3.1).

    ## Why is this bad?
    A callback describes a request the API sends to the client, and a
    webhook one it sends out of band; a callback of a callback would be a
    request the client's server makes back to the API in answer to it,
    which the API does not describe and no tool renders or tests. Nested
    callbacks are nearly always a copy-paste of an operation into a
    callback; describe the follow-up request as an operation of the API.

    ## Example
    ```yaml
    webhooks:
      newPet:
        post:
          responses: {'200': {description: ok}}
          callbacks:
            ack: {...}
    ```

    ## Use instead
    ```yaml
    webhooks:
      newPet:
        post:
          responses: {'200': {description: ok}}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#callback-object
    - https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#oas3-callbacks-in-callbacks
    """
    callbacks = op.get("callbacks")
    if not isinstance(callbacks, dict) or not callbacks:
        return
    where = item_context(op)
    if where == "callbacks":
        yield op.report(
            f"{op_label(op)} is a callback and defines `callbacks` of its own; a request the API sends "
            "cannot have callbacks: remove them or describe the follow-up request as an API operation",
            "callbacks",
        )
    elif where == "webhooks":
        yield op.report(
            f"{op_label(op)} is a webhook and defines `callbacks`; a request the API sends cannot have "
            "callbacks: remove them or describe the follow-up request as an API operation",
            "callbacks",
        )
