from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.specs.openapi.model import Node


@rule(
    code="OAS240",
    name="discriminator-default-mapping",
    on="Schema",
    severity="warn",
    formats=("oas3.2",),
    preset="recommended",
    category="correctness",
    redocly=("spec-discriminator-defaultMapping",),
)
def discriminator_default_mapping(schema: Node, ctx: RuleContext) -> Iterator[Finding]:
    """A discriminator whose property is optional needs a `defaultMapping`, and it must name an existing schema.

    ## What it does
    For OpenAPI 3.2, reports:
    - a `discriminator` without `defaultMapping` whose `propertyName` is
      not required — neither by the schema, nor by one of its `allOf`
      schemas, nor by every schema of its `oneOf` (or `anyOf`);
    - a `defaultMapping` that is neither a `$ref` that resolves nor the
      name of a schema under `components/schemas`.

    ## Why is this bad?
    OpenAPI 3.2 lets the discriminating property be optional, on condition
    that `defaultMapping` says which schema applies when a payload omits
    it; without it, such payloads match no branch and tools reject or
    mis-type them. A `defaultMapping` to a schema that does not exist
    fails in the same way, only later.

    ## Example
    ```yaml
    Pet:
      type: object
      properties: {kind: {type: string}}
      discriminator: {propertyName: kind}
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
    ```

    ## Use instead
    ```yaml
    Pet:
      type: object
      properties: {kind: {type: string}}
      discriminator: {propertyName: kind, defaultMapping: Cat}
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
    ```

    ## References
    - https://spec.openapis.org/oas/v3.2.0#discriminator-object
    - https://redocly.com/docs/cli/rules/oas/spec-discriminator-defaultMapping
    """
    disc = schema.get("discriminator")
    if not isinstance(disc, dict) or not isinstance(disc.get("propertyName"), str):
        return
    prop = disc["propertyName"]
    if "defaultMapping" not in disc:
        if not _requires(ctx, schema.value, schema.doc, schema.pointer, prop, set()):
            yield schema.report(
                f"discriminator property `{prop}` is optional, but the discriminator has no `defaultMapping`; "
                f"add one (the schema for payloads without `{prop}`) or make `{prop}` required",
                "discriminator",
            )
        return
    target = disc["defaultMapping"]
    if not isinstance(target, str):
        return
    comps = ctx.data.get("components")
    schemas = comps.get("schemas") if isinstance(comps, dict) else None
    if isinstance(schemas, dict) and target in schemas:
        return
    if ctx.deref({"$ref": target}, schema.doc, schema.pointer) is None:
        yield schema.report(
            f"`defaultMapping` `{target}` names no schema: use a schema name from `components/schemas` "
            "or a `$ref` that resolves",
            "discriminator",
            "defaultMapping",
        )


def _requires(ctx: RuleContext, value: Any, doc: Document, pointer: str, prop: str, seen: set[int]) -> bool:
    """Whether every payload valid against the schema has `prop` (True when it cannot be told)."""
    loc = ctx.deref(value, doc, pointer)
    if loc is None or not isinstance(loc.value, dict) or id(loc.value) in seen:
        return True
    value, doc, pointer = loc.value, loc.doc, loc.pointer
    seen.add(id(value))
    required = value.get("required")
    if isinstance(required, list) and prop in required:
        return True

    def branches(kw: str) -> list[bool]:
        items = value.get(kw)
        if not isinstance(items, list):
            return []
        return [_requires(ctx, item, doc, join(pointer, kw, i), prop, seen) for i, item in enumerate(items)]

    if any(branches("allOf")):
        return True
    for kw in ("oneOf", "anyOf"):
        found = branches(kw)
        if found and all(found):
            return True
    return False
