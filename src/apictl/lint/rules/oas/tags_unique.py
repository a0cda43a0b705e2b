from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node


@rule(
    code="OAS104",
    name="tags-unique",
    on="Root",
    severity="error",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("openapi-tags-uniqueness",),
    redocly=("no-duplicated-tag-names",),
    options={"ignore_case": False},
)
def tags_unique(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Each tag in the global `tags` list must have a unique name.

    ## What it does
    Reports each entry of the top-level `tags` list whose `name` was already
    used by an earlier entry, naming the first one. With the `ignore_case`
    option, `Pets` and `pets` count as the same name.

    ## Why is this bad?
    The specification requires tag names to be unique: operations refer to a
    tag by name only, so with two entries of the same name tools keep one
    description and drop the other, or render the group twice.

    ## Example
    ```yaml
    tags:
      - name: pets
        description: Everything about pets
      - name: pets
        description: Pet adoption
    ```

    ## Use instead
    ```yaml
    tags:
      - name: pets
        description: Everything about pets, including adoption
    ```

    ## Options
    - `ignore_case` (default `false`): treat names differing only by case as duplicates.

    ## References
    - https://spec.openapis.org/oas/v3.1.0#openapi-object
    - https://redocly.com/docs/cli/rules/oas/no-duplicated-tag-names
    """
    tags = root.get("tags")
    if not isinstance(tags, list):
        return
    ignore_case = bool(ctx.options.get("ignore_case", False))
    first: dict[str, tuple[int, str]] = {}
    for i, tag in enumerate(tags):
        name = tag.get("name") if isinstance(tag, dict) else None
        if not isinstance(name, str):
            continue
        key = name.casefold() if ignore_case else name
        if key in first:
            j, earlier = first[key]
            as_ = "" if earlier == name else f" as `{earlier}` (ignoring case)"
            yield root.report(
                f"tag `{name}` is already declared{as_} at tags[{j}]; tag names must be unique, merge the two entries",
                "tags",
                i,
                "name",
            )
        else:
            first[key] = (i, name)
