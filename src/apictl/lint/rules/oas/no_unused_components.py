from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote

from apictl.core.document import Document
from apictl.core.pointer import PointerError, from_fragment, join, split, unescape
from apictl.core.refs import RefError
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.access import components, is_oas2
from apictl.specs.openapi.model import OPERATION, Node

_LABELS = {
    "schemas": "schema",
    "responses": "response",
    "parameters": "parameter",
    "examples": "example",
    "requestBodies": "request body",
    "headers": "header",
    "securitySchemes": "security scheme",
    "links": "link",
    "callbacks": "callback",
    "pathItems": "path item",
    "mediaTypes": "media type",
}
# `$ref`-looking text, for references in places the walk does not visit (extensions such as `x-webhooks`,
# discriminator mappings of nested schemas, …).
_TEXT_REF3 = re.compile(r"#/components/([A-Za-z]+)/([^\s'\"#/\\,{}\[\]]+)")
_TEXT_REF2 = re.compile(r"#/(definitions|parameters|responses)/([^\s'\"#/\\,{}\[\]]+)")

Used = set[tuple[str, str]]  # (section pointer, component name)


@rule(
    code="OAS216",
    name="no-unused-components",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("oas3-unused-component", "oas2-unused-definition"),
    redocly=("no-unused-components",),
)
def no_unused_components(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Reusable components should be used.

    ## What it does
    Reports each entry of `components` (OpenAPI 3.x) or of `definitions`,
    `parameters`, `responses` and `securityDefinitions` (2.0) that nothing
    uses. A component is used when a `$ref` anywhere (in any file of the API,
    inside other components too) points to it or into it
    (`#/components/schemas/Pet/properties/id` uses `Pet`), when a
    discriminator `mapping` names it, or when a reference to it is written
    anywhere else in the root document (such as in an `x-` extension, which
    the linter does not follow). A schema that extends (`allOf`) a schema
    with a `discriminator` counts as used: it is a subtype that payloads
    select by name. A security scheme is used when a `security` requirement
    (top-level or of an operation) names it.

    ## Why is this bad?
    Unused components are dead weight: readers wonder what they are for, they
    drift from the real payloads, code generators emit unused types, and
    they are often a sign that an operation references a copy instead of the
    intended component. An unused security scheme documents an
    authentication method that no operation accepts.

    ## Example
    ```yaml
    paths:
      /pets:
        get:
          responses:
            '200':
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Pet'}
    components:
      schemas:
        Pet: {type: object}
        OldPet: {type: object}   # never referenced
    ```

    ## Use instead
    ```yaml
    components:
      schemas:
        Pet: {type: object}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#components-object
    - https://redocly.com/docs/cli/rules/oas/no-unused-components
    """
    if not isinstance(root.value, dict):
        return
    sections = components(root.value, ctx.version)
    if not sections:
        return
    oas2 = is_oas2(ctx.version)
    used: Used = set()
    loaded: dict[tuple[int, str], Document | None] = {}

    def mark(doc: Document | None, pointer: str | None) -> None:
        if doc is not root.doc or not pointer:
            return
        try:
            tokens = split(pointer)
        except PointerError:
            return
        if oas2:
            if len(tokens) >= 2:
                used.add((f"/{tokens[0]}", tokens[1]))
        elif len(tokens) >= 3 and tokens[0] == "components":
            used.add((f"/components/{tokens[1]}", tokens[2]))

    def first_hop(ref: Any, base: Document) -> tuple[Document | None, str | None]:
        """Where a `$ref` points before any chain of references is followed."""
        if not isinstance(ref, str):
            return None, None
        location, _, fragment = ref.partition("#")
        if not location:
            return base, from_fragment(fragment)
        key = (id(base), location)
        if key not in loaded:
            try:
                loaded[key] = ctx.ws.load(location, base)
            except RefError:
                loaded[key] = None
        return loaded[key], from_fragment(fragment)

    seen: set[tuple[int, str, int, str | None]] = set()
    for site in ctx.refs:
        key = (id(site.doc), str(site.ref), id(site.target_doc), site.target_pointer)
        if key in seen:  # the same reference written in many places
            continue
        seen.add(key)
        mark(*first_hop(site.ref, site.doc))
        if site.target_doc is not None:
            mark(site.target_doc, site.target_pointer)

    schemas = sections.get("schemas")
    if schemas is not None:
        _discriminator_uses(ctx, root.doc, schemas, used, lambda ref: mark(*first_hop(ref, root.doc)))

    unused = [
        (kind, pointer, name)
        for kind, (pointer, entries) in sections.items()
        if kind != "securitySchemes"
        for name in entries
        if (pointer, name) not in used
    ]
    if unused:
        _text_uses(root.doc.text, oas2, used)

    for kind, pointer, name in unused:
        if (pointer, name) not in used:
            yield Finding(
                root.doc,
                join(pointer, name),
                f"{_LABELS.get(kind, kind)} `{name}` is never referenced; "
                "remove it, or `$ref` it where it is meant to be used",
            )

    schemes = sections.get("securitySchemes")
    if schemes is not None:
        required = _required_schemes(root.value, ctx.nodes[OPERATION])
        pointer, entries = schemes
        for name in entries:
            if name not in required:
                yield Finding(
                    root.doc,
                    join(pointer, name),
                    f"security scheme `{name}` is not used by any `security` requirement; require it (at "
                    "the top level or on the operations it protects) or remove it",
                )


def _discriminator_uses(
    ctx: RuleContext, doc: Document, schemas: tuple[str, dict[str, Any]], used: Used, mark_ref: Callable[[str], None]
) -> None:
    """Schemas named by discriminator mappings of the reusable schemas, and
    subtypes (`allOf`) of a schema with a discriminator."""
    pointer, entries = schemas
    for name, schema in entries.items():
        if not isinstance(schema, dict):
            continue
        disc = schema.get("discriminator")
        mapping = disc.get("mapping") if isinstance(disc, dict) else None
        if isinstance(mapping, dict):
            for target in mapping.values():
                if not isinstance(target, str):
                    continue
                if "#" in target or "/" in target or target.endswith((".yaml", ".yml", ".json")):
                    mark_ref(target)
                else:
                    used.add((pointer, target))
        all_of = schema.get("allOf")
        if not isinstance(all_of, list):
            continue
        for i, part in enumerate(all_of):
            if isinstance(part, dict) and "$ref" in part:
                base = ctx.deref(part, doc, join(pointer, name, "allOf", i))
                if base is not None and isinstance(base.value, dict) and "discriminator" in base.value:
                    used.add((pointer, name))
                    break


def _text_uses(text: str, oas2: bool, used: Used) -> None:
    prefix = "/" if oas2 else "/components/"
    for section, raw in (_TEXT_REF2 if oas2 else _TEXT_REF3).findall(text):
        try:
            used.add((prefix + section, unescape(unquote(raw))))
        except PointerError:
            continue


def _required_schemes(data: dict[str, Any], operations: list[Node]) -> set[str]:
    names: set[str] = set()
    for reqs in [data.get("security"), *(op.get("security") for op in operations)]:
        if not isinstance(reqs, list):
            continue
        for req in reqs:
            if isinstance(req, dict):
                for name in req:
                    names.add(name)
                    if "/" in name:  # 3.2: a URI reference to the scheme
                        last = name.rsplit("/", 1)[-1]
                        try:
                            names.add(unescape(unquote(last)))
                        except PointerError:
                            names.add(last)
    return names
