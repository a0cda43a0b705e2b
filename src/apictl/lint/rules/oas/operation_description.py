from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import op_label, require_text
from apictl.specs.openapi.model import Node


@rule(
    code="OAS406",
    name="operation-description",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("operation-description",),
    redocly=("operation-description",),
)
def operation_description(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every operation should have a non-empty `description`.

    ## What it does
    Reports an operation (in `paths`, `webhooks`, callbacks or reusable path
    items) without a `description`, or whose `description` is empty or only
    whitespace.

    ## Why is this bad?
    The `summary` names an operation; the `description` explains it: what it
    does and does not do, side effects, permissions needed, how it pages,
    which errors to expect and why. That is what a consumer reads before
    calling it, and what generated SDKs put in their doc comments.

    ## Example
    ```yaml
    /pets/{petId}:
      delete:
        summary: Delete a pet
    ```

    ## Use instead
    ```yaml
    /pets/{petId}:
      delete:
        summary: Delete a pet
        description: |
          Deletes the pet and its photos. Needs the `pets:write` scope.
          Returns 409 while the pet has open adoption requests.
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#operation-object
    - https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#operation-description
    """
    label = op_label(op)
    yield from require_text(
        op,
        "description",
        f"{label} has no `description`; explain what it does, its side effects and the errors to expect",
        f"{label} has an empty `description`; explain what it does, its side effects and the errors to expect",
    )
