from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas._paths_helpers import item_context, operations
from apictl.specs.openapi.model import Node


@rule(
    code="OAS232",
    name="no-servers-in-webhooks",
    on="PathItem",
    severity="warn",
    formats=("oas3.1", "oas3.2"),
    preset="recommended",
    category="correctness",
    spectral=("oas3_1-servers-in-webhook",),
)
def no_servers_in_webhooks(item: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Webhooks should not define `servers`.

    ## What it does
    Reports `servers` written in a webhook: on the webhook's path item or
    on one of its operations.

    Spectral checks only the operations' `servers`.

    ## Why is this bad?
    A webhook is a request the API sends to an address the consumer
    registers out of band; `servers` name where the API is served, so in a
    webhook they mean nothing, and tools that read them (documentation
    consoles, mock servers) offer a base URL that will never receive the
    request.

    ## Example
    ```yaml
    webhooks:
      newPet:
        post:
          servers:
            - url: https://hooks.petshop.io
          responses: {'200': {description: ok}}
    ```

    ## Use instead
    ```yaml
    webhooks:
      newPet:
        post:
          responses: {'200': {description: ok}}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#oas-webhooks
    - https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#oas3_1-servers-in-webhook
    """
    if item_context(item) != "webhooks" or not isinstance(item.value, dict):
        return
    if "servers" in item.value:
        yield item.report(
            f"webhook `{item.path}` defines `servers`; the API sends webhooks to an address the consumer "
            "registers, so remove them",
            "servers",
        )
    for tokens, method, op in operations(item.value, ctx.version):
        if "servers" in op:
            yield item.report(
                f"{method} of webhook `{item.path}` defines `servers`; the API sends webhooks to an address "
                "the consumer registers, so remove them",
                *tokens,
                "servers",
            )
