from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import in_callback, op_label
from apictl.specs.openapi.model import Node


@rule(
    code="OAS105",
    name="operation-singular-tag",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="all",
    category="docs",
    spectral=("operation-singular-tag",),
    redocly=("operation-singular-tag",),
)
def operation_singular_tag(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """An operation should have at most one tag.

    ## What it does
    Reports an operation whose `tags` list holds more than one tag. Callback
    operations are not checked: documentation does not group them by tag.

    ## Why is this bad?
    Documentation tools and SDK generators group operations by tag: an
    operation with two tags appears twice in the navigation, or as the same
    method on two client classes. One tag per operation gives every operation
    a single home.

    ## Example
    ```yaml
    /pets/{petId}/owner:
      get:
        tags: [pets, owners]
    ```

    ## Use instead
    ```yaml
    /pets/{petId}/owner:
      get:
        tags: [pets]
    ```

    ## References
    - https://redocly.com/docs/cli/rules/oas/operation-singular-tag
    - https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#operation-singular-tag
    """
    tags = op.get("tags")
    if not isinstance(tags, list) or len(tags) <= 1 or in_callback(op):
        return
    names = ", ".join(f"`{t}`" for t in tags)
    yield op.report(f"{op_label(op)} has {len(tags)} tags ({names}); keep the one it belongs to", "tags")
