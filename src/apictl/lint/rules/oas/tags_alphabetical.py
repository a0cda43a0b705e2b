from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node


@rule(
    code="OAS103",
    name="tags-alphabetical",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="all",
    category="docs",
    spectral=("openapi-tags-alphabetical",),
    redocly=("tags-alphabetical",),
    options={"ignore_case": False},
)
def tags_alphabetical(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """The global `tags` list should be sorted by name.

    ## What it does
    Walks the top-level `tags` list and reports each tag whose `name` sorts
    before the name of the tag just above it, saying which should come first.
    Names are compared by code point (so `Zebra` sorts before `aardvark`)
    unless the `ignore_case` option is set. Tags without a string `name` are
    skipped.

    ## Why is this bad?
    Documentation tools list tag groups in the order of this list. When the
    team has agreed on alphabetical order, a tag appended at the end is hard
    to find, and every reviewer re-argues where it belongs; this rule settles
    it. Leave the rule off if the order is deliberate (getting-started tags
    first, say).

    ## Example
    ```yaml
    tags:
      - name: Pets
      - name: Owners
    ```

    ## Use instead
    ```yaml
    tags:
      - name: Owners
      - name: Pets
    ```

    ## Options
    - `ignore_case` (default `false`): compare names without regard to case.

    ## References
    - https://redocly.com/docs/cli/rules/oas/tags-alphabetical
    - https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#openapi-tags-alphabetical
    """
    tags = root.get("tags")
    if not isinstance(tags, list):
        return
    ignore_case = bool(ctx.options.get("ignore_case", False))
    prev: str | None = None
    for i, tag in enumerate(tags):
        name = tag.get("name") if isinstance(tag, dict) else None
        if not isinstance(name, str):
            continue
        if prev is not None:
            a, b = (prev.casefold(), name.casefold()) if ignore_case else (prev, name)
            if b < a:
                hint = ""
                if not ignore_case and name.casefold() >= prev.casefold():
                    hint = " (names are compared case-sensitively; set the `ignore_case` option to ignore case)"
                yield root.report(
                    f"tags are not in alphabetical order: `{name}` should come before `{prev}`{hint}",
                    "tags",
                    i,
                    "name",
                )
        prev = name
