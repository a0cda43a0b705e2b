from __future__ import annotations

from collections.abc import Iterator

from apictl.core.pointer import split
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node


@rule(
    code="OAS248",
    name="no-duplicate-keys",
    on="Root",
    severity="error",
    formats=ALL,
    preset="minimal",
    category="correctness",
)
def no_duplicate_keys(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """A YAML mapping must not repeat a key.

    ## What it does
    Reports each key that a mapping repeats, at the repeated key, in the linted file and
    in every file it references. YAML forbids duplicate keys; parsers that accept them keep
    the last value silently, so apictl lints the last one — as Spectral does, which reports
    the same place (`parser`: "Duplicate key"); Redocly refuses such a file outright
    ("duplicated mapping key").

    ## Why is this bad?
    The first value is lost without a word: a response, parameter or schema property
    written twice (often after a merge) leaves only one of them in the contract, and tools
    differ in which one they keep.

    ## Example
    ```yaml
    info:
      title: Pets
      version: 1.0.0
      title: Pet store
    ```

    ## Use instead
    ```yaml
    info:
      title: Pet store
      version: 1.0.0
    ```

    ## References
    - https://yaml.org/spec/1.2.2/#mapping (keys are unique)
    """
    for doc in list(ctx.ws.docs.values()):
        for pointer in doc.duplicate_keys:
            key = split(pointer)[-1]
            yield Finding(
                doc, pointer, f"duplicate key `{key}`: the mapping already has it; the earlier value is ignored"
            )
