from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node


@rule(
    code="OAS410",
    name="tags-defined",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="all",
    category="docs",
    spectral=("openapi-tags",),
)
def tags_defined(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """The API should declare its tags in a non-empty top-level `tags` list.

    ## What it does
    Reports a document without a top-level `tags` list, or with an empty one.

    ## Why is this bad?
    Operations may use tags that are declared nowhere, but then the tags
    carry no description or external docs and documentation tools order the
    groups as they happen to meet them. The top-level list is where each tag
    is explained and where the order of the navigation is set.

    ## Example
    ```yaml
    openapi: 3.1.0
    info: {title: Pets, version: 1.0.0}
    paths:
      /pets:
        get:
          tags: [pets]
    ```

    ## Use instead
    ```yaml
    openapi: 3.1.0
    info: {title: Pets, version: 1.0.0}
    tags:
      - name: pets
        description: Pets for sale, and their adoption history.
    paths:
      /pets:
        get:
          tags: [pets]
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#openapi-object
    - https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#openapi-tags
    """
    if not isinstance(root.value, dict):
        return
    tags = root.value.get("tags")
    if tags is None:
        yield root.report(
            "the document has no top-level `tags` list; declare the tags operations use, each with a description"
        )
    elif isinstance(tags, list) and not tags:
        yield root.report(
            "the top-level `tags` list is empty; declare the tags operations use, each with a description", "tags"
        )
