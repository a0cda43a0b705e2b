from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.document import Document
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._schema_helpers import deref
from apictl.specs.openapi.model import SCHEMA, Node

_BRANCHES = ("allOf", "anyOf", "oneOf")


def defined_properties(ctx: RuleContext, value: Any, doc: Document, seen: set[int] | None = None) -> set[str]:
    """Names a schema defines in `properties`, also through its `allOf`,
    `anyOf` and `oneOf` branches (followed through `$ref`s, cycles cut)."""
    seen = set() if seen is None else seen
    names: set[str] = set()
    if isinstance(value, dict) and "$ref" in value:
        loc = deref(ctx, value, doc, "")
        if loc is None:
            return names
        value, doc = loc.value, loc.doc
    if not isinstance(value, dict) or id(value) in seen:
        return names
    seen.add(id(value))
    props = value.get("properties")
    if isinstance(props, dict):
        names.update(k for k in props if isinstance(k, str))
    for key in _BRANCHES:
        branches = value.get(key)
        if isinstance(branches, list):
            for branch in branches:
                names |= defined_properties(ctx, branch, doc, seen)
    return names


def _open_for(value: dict[str, Any]) -> bool:
    """Whether the schema explicitly admits properties it does not list."""
    extra = value.get("additionalProperties")
    if extra is True or (isinstance(extra, dict) and extra != {}):
        return True
    return isinstance(value.get("patternProperties"), dict)


def _is_branch(parent: dict[str, Any], index: int, value: Any) -> bool:
    for key in _BRANCHES:
        branches = parent.get(key)
        if isinstance(branches, list) and index < len(branches):
            branch = branches[index]
            if branch is value or (isinstance(branch, dict) and "$ref" in branch):
                return True
    return False


@rule(
    code="OAS227",
    name="required-property-defined",
    on="Schema",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="correctness",
    redocly=("no-required-schema-properties-undefined",),
)
def required_property_defined(schema: Node, ctx: RuleContext) -> Iterable[Finding]:
    """Every name listed in `required` must be defined in the schema's `properties`.

    ## What it does
    Reports each entry of a schema's `required` that none of these define:
    the schema's own `properties`; the properties of its `allOf`, `anyOf` and
    `oneOf` branches (recursively, `$ref`s followed); and, when the schema is
    itself a branch of an `allOf`/`anyOf`/`oneOf`, the properties of the
    schema it belongs to and of its sibling branches — so `allOf: [{$ref:
    Pet}, {required: [name]}]` is fine when `Pet` defines `name` (Redocly
    reports that case; apictl does not, as the combined schema does define
    it). A schema that explicitly admits other properties —
    `additionalProperties` set to `true` or to a schema, or
    `patternProperties` — is not checked: its required names may be meant for
    those.

    ## Why is this bad?
    A required property that is never described is almost always a typo or a
    leftover from a rename: clients are told to send a field they cannot know
    the type of, and code generators either drop the requirement or fail.

    ## Example
    ```yaml
    Pet:
      type: object
      required: [id, name]
      properties:
        id: {type: integer}
        nmae: {type: string}
    ```

    ## Use instead
    ```yaml
    Pet:
      type: object
      required: [id, name]
      properties:
        id: {type: integer}
        name: {type: string}
    ```

    ## References
    - https://json-schema.org/draft/2020-12/json-schema-validation#section-6.5.3
    """
    value = schema.value
    if not isinstance(value, dict) or "required" not in value:
        return ()
    required = value["required"]
    if not isinstance(required, list) or not required:
        return ()
    props = value.get("properties")
    own = props if isinstance(props, dict) else {}
    missing = [(i, n) for i, n in enumerate(required) if isinstance(n, str) and n not in own]
    if not missing or _open_for(value):
        return ()
    defined = defined_properties(ctx, value, schema.doc)
    # A branch of a composition: the enclosing schema (and so the sibling branches) counts too.
    node = schema
    while node.parent is not None and node.parent.kind == SCHEMA and isinstance(node.key, int):
        parent = node.parent.value
        if not isinstance(parent, dict) or not _is_branch(parent, node.key, node.value):
            break
        if _open_for(parent):
            return ()
        defined |= defined_properties(ctx, parent, node.parent.doc)
        node = node.parent
    return [
        schema.report(
            f"`{name}` is required but not defined in `properties`; define it or remove it from `required`",
            "required",
            i,
        )
        for i, name in missing
        if name not in defined
    ]
