from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import in_callback, op_label
from apictl.specs.openapi.model import Node


@rule(
    code="OAS408",
    name="operation-tags",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("operation-tags",),
)
def operation_tags(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every operation should have at least one tag.

    ## What it does
    Reports an operation (in `paths`, `webhooks` or reusable path items)
    without `tags`, or with an empty `tags` list. Callback operations are not
    checked: documentation shows them under the operation that registers
    them.

    ## Why is this bad?
    Documentation tools build their navigation from tags and SDK generators
    their client classes: untagged operations end up in a catch-all
    "default" group, away from the resources they act on.

    ## Example
    ```yaml
    /pets:
      get:
        operationId: listPets
    ```

    ## Use instead
    ```yaml
    /pets:
      get:
        operationId: listPets
        tags: [pets]
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#operation-object
    - https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#operation-tags
    """
    if not isinstance(op.value, dict) or in_callback(op):
        return
    tags = op.value.get("tags")
    if tags is None:
        yield op.report(f"{op_label(op)} has no `tags`; add the tag it belongs to so documentation can group it")
    elif isinstance(tags, list) and not tags:
        yield op.report(f"{op_label(op)} has an empty `tags` list; add the tag it belongs to", "tags")
