from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import in_callback, op_label
from apictl.specs.openapi.model import OPERATION, Node


@rule(
    code="OAS415",
    name="operation-tag-defined",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("operation-tag-defined",),
    redocly=("operation-tag-defined",),
)
def operation_tag_defined(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Tags used by operations should be declared in the top-level `tags` list.

    ## What it does
    Reports each tag name that operations (in `paths`, `webhooks` or reusable
    path items) use but the top-level `tags` list does not declare. Each
    undeclared name is reported once, where it is first used, with the number
    of operations using it; when a declared tag differs only by case or a
    plural `s`, the message names it.

    Spectral reports every use; fixing one declaration fixes them all, so
    this rule reports one finding per missing declaration.

    ## Why is this bad?
    An undeclared tag has no description and no place in the order of the
    navigation; more often it is a typo (`pet` for `pets`, `Store` for
    `store`) that splits one group of operations into two.

    ## Example
    ```yaml
    tags:
      - name: pets
    paths:
      /pets:
        get:
          tags: [pet]
    ```

    ## Use instead
    ```yaml
    tags:
      - name: pets
    paths:
      /pets:
        get:
          tags: [pets]
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#openapi-object
    - https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#operation-tag-defined
    """
    declared: set[str] = set()
    tags = root.get("tags")
    if isinstance(tags, list):
        declared = {t["name"] for t in tags if isinstance(t, dict) and isinstance(t.get("name"), str)}
    by_fold = {name.casefold(): name for name in declared}
    first: dict[str, tuple[Node, int]] = {}
    uses: dict[str, int] = {}
    for op in ctx.nodes[OPERATION]:
        op_tags = op.get("tags")
        if not isinstance(op_tags, list) or in_callback(op):
            continue
        for i, name in enumerate(op_tags):
            if not isinstance(name, str) or name in declared:
                continue
            if name not in first:
                first[name] = (op, i)
            uses[name] = uses.get(name, 0) + 1
    for name, (op, i) in first.items():
        count = uses[name]
        others = f" (and {count - 1} other operation{'s' if count > 2 else ''})" if count > 1 else ""
        folded = name.casefold()
        close = next(
            (by_fold[c] for c in (folded, folded + "s", folded[:-1] if folded.endswith("s") else "") if c in by_fold),
            None,
        )
        if close is not None:
            fix = f"did you mean `{close}`?"
        elif declared:
            fix = "declare it in the top-level `tags` list, with a description"
        else:
            fix = "declare it in a top-level `tags` list, with a description"
        yield op.report(f"tag `{name}` used by {op_label(op)}{others} is not declared; {fix}", "tags", i)
