from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.specs.openapi.model import Node


@rule(
    code="OAS241",
    name="tag-parents-defined",
    on="Root",
    severity="error",
    formats=("oas3.2",),
    preset="recommended",
    category="correctness",
    redocly=("spec-no-invalid-tag-parents",),
)
def tag_parents_defined(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """A tag's `parent` must name a declared tag, and tags must not be their own ancestors.

    ## What it does
    For OpenAPI 3.2, reports each tag in the top-level `tags` list whose
    `parent` names no tag of that list, and each tag that is its own
    ancestor through a chain of `parent`s (`a` → `b` → `a`).

    ## Why is this bad?
    OpenAPI 3.2 nests tags with `parent`, and requires the parent to exist
    and the hierarchy to be free of cycles. Documentation builds its
    navigation tree from these links: a missing parent drops the tag (and
    its operations) from the tree, and a cycle has no root to start from.

    ## Example
    ```yaml
    tags:
      - name: cats
        parent: pet
      - name: pets
    ```

    ## Use instead
    ```yaml
    tags:
      - name: cats
        parent: pets
      - name: pets
    ```

    ## References
    - https://spec.openapis.org/oas/v3.2.0#tag-object
    """
    tags = root.get("tags")
    if not isinstance(tags, list):
        return
    parents: dict[str, object] = {}
    for tag in tags:
        if isinstance(tag, dict) and isinstance(tag.get("name"), str):
            parents.setdefault(tag["name"], tag.get("parent"))
    for i, tag in enumerate(tags):
        if not isinstance(tag, dict) or not isinstance(tag.get("parent"), str):
            continue
        name, parent = tag.get("name"), tag["parent"]
        if parent not in parents:
            yield root.report(
                f"the parent `{parent}` of tag `{name}` is not declared in the top-level `tags` list; "
                "declare it or fix the name",
                "tags",
                i,
                "parent",
            )
            continue
        chain = [str(name), parent]
        cur: object = parent
        while isinstance(cur, str) and cur != name and len(chain) <= len(parents) + 1:
            cur = parents.get(cur)
            if isinstance(cur, str):
                chain.append(cur)
        if cur == name:
            yield root.report(
                f"tag `{name}` is its own ancestor ({' → '.join(f'`{c}`' for c in chain)}); "
                "tag parents must form a tree",
                "tags",
                i,
                "parent",
            )
