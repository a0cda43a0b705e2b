from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from apictl.core.document import Document
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._schema_helpers import deref
from apictl.lint.rules.oas.required_property_defined import defined_properties
from apictl.specs.openapi.model import Node


def required_names(ctx: RuleContext, value: Any, doc: Document, seen: set[int] | None = None) -> set[str]:
    """Names a schema requires, also through its `allOf` branches."""
    seen = set() if seen is None else seen
    if isinstance(value, dict) and "$ref" in value:
        loc = deref(ctx, value, doc, "")
        if loc is None:
            return set()
        value, doc = loc.value, loc.doc
    if not isinstance(value, dict) or id(value) in seen:
        return set()
    seen.add(id(value))
    names = (
        {n for n in value.get("required", ()) if isinstance(n, str)}
        if isinstance(value.get("required"), list)
        else set()
    )
    if isinstance(value.get("allOf"), list):
        for branch in value["allOf"]:
            names |= required_names(ctx, branch, doc, seen)
    return names


def _label(branch: Any, where: str) -> str:
    if isinstance(branch, dict) and isinstance(branch.get("$ref"), str):
        return f"`{branch['$ref'].rsplit('/', 1)[-1]}` ({where})"
    return f"`{where}`"


@rule(
    code="OAS228",
    name="discriminator-property-required",
    on="Schema",
    severity="error",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("oas2-discriminator",),
)
def discriminator_property_required(schema: Node, ctx: RuleContext) -> Iterable[Finding]:
    """A discriminator's property must be a declared and required property of the schemas it tells apart.

    ## What it does
    For a schema with a `discriminator`, checks that the discriminating
    property (`discriminator.propertyName`; in OpenAPI 2.0 the `discriminator`
    string) is declared in `properties` and listed in `required`:

    - when the schema has `oneOf`/`anyOf` alternatives, in each alternative
      (unless the schema itself declares / requires it for all of them);
    - otherwise (a base schema that others extend with `allOf`), in the
      schema itself.

    Properties and requirements inherited through `allOf` (and `$ref`s)
    count. In OpenAPI 3.2 a discriminator with a `defaultMapping` may be
    optional, so only the declaration is checked then.

    ## Why is this bad?
    Tools pick the alternative (the concrete type) by reading that property.
    If an alternative does not declare it, its type cannot be known; if it is
    not required, a payload may omit it and nothing can tell the types apart
    — code generators produce broken polymorphism or refuse the schema.

    ## Example
    ```yaml
    Pet:
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
      discriminator:
        propertyName: petType
    Cat:
      type: object
      properties:
        name: {type: string}
    ```

    ## Use instead
    ```yaml
    Cat:
      type: object
      required: [petType]
      properties:
        petType: {type: string}
        name: {type: string}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#discriminator-object
    - https://spec.openapis.org/oas/v2.0#fixed-fields-13
    """
    value = schema.value
    if not isinstance(value, dict) or "discriminator" not in value:
        return ()
    return list(_check(schema, value, ctx))


def _check(schema: Node, value: dict[str, Any], ctx: RuleContext) -> Iterator[Finding]:
    disc = value["discriminator"]
    at: tuple[str, ...]
    if ctx.version == "oas2":
        name, at, need_required = disc, ("discriminator",), True
    else:
        if not isinstance(disc, dict):
            return
        name, at = disc.get("propertyName"), ("discriminator", "propertyName")
        need_required = not (ctx.version == "oas3.2" and "defaultMapping" in disc)
    if not isinstance(name, str) or not name:
        return
    doc = schema.doc
    own_defined = name in defined_properties(ctx, {k: v for k, v in value.items() if k in ("properties", "allOf")}, doc)
    own_required = name in required_names(ctx, value, doc)
    alternatives = [
        (k, i, b) for k in ("oneOf", "anyOf") if isinstance(value.get(k), list) for i, b in enumerate(value[k])
    ]
    if not alternatives or (own_defined and (own_required or not need_required)):
        if not own_defined:
            yield schema.report(
                f"discriminator property `{name}` is not declared in this schema's `properties`; declare it", *at
            )
        elif need_required and not own_required:
            yield schema.report(
                f"discriminator property `{name}` is not in this schema's `required`; add it "
                "(the discriminator must always be present)",
                *at,
            )
        return
    for key, i, branch in alternatives:
        label = _label(branch, f"{key}[{i}]")
        defined = own_defined or name in defined_properties(ctx, branch, doc)
        if not defined:
            yield schema.report(
                f"discriminator property `{name}` is not declared by {label}; add it to its `properties`", *at
            )
        elif need_required and not own_required and name not in required_names(ctx, branch, doc):
            yield schema.report(
                f"discriminator property `{name}` is not required by {label}; add it to its "
                "`required` (the discriminator must always be present)",
                *at,
            )
