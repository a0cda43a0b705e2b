from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from apictl.core.document import Document
from apictl.core.pointer import join, split
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import OAS3
from apictl.specs.openapi import model as m
from apictl.specs.openapi.model import Node

# Component kinds a bundler names after their file or key.
_SECTIONS = {
    m.SCHEMA: "schemas",
    m.PARAMETER: "parameters",
    m.RESPONSE: "responses",
    m.REQUEST_BODY: "requestBodies",
}
_LABELS = {m.SCHEMA: "schema", m.PARAMETER: "parameter", m.RESPONSE: "response", m.REQUEST_BODY: "request body"}


def _name(doc: Document, pointer: str) -> str:
    """The component name a bundler would give the node: its key, or for a whole file its name without extension."""
    if pointer:
        return str(split(pointer)[-1])
    name = PurePosixPath(doc.uri.replace("\\", "/")).name
    return name.rsplit(".", 1)[0] if "." in name else name


@rule(
    code="OAS239",
    name="component-name-unique",
    on="Root",
    severity="warn",
    formats=OAS3,
    preset="all",
    category="correctness",
    redocly=("component-name-unique",),
)
def component_name_unique(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Different components should not share a name, so that bundling the API into one file needs no renaming.

    ## What it does
    Collects the schemas, parameters, responses and request bodies of the
    API under the names a bundler gives them: the key under the root
    document's `components`, or — for a `$ref` into another file — the last
    segment of the reference (`Pet` for `common.yaml#/components/schemas/Pet`)
    or, for a whole file, the file name without its extension (`Pet` for
    `schemas/Pet.yaml`); a component that is only a `$ref` counts as its
    target. Reports each definition whose name another, different
    definition of the same kind also has.

    ## Why is this bad?
    A multi-file description is bundled into one file (for publishing, for
    code generation, for tools that do not follow file references) by moving
    each referenced file into `components` under its name. Two different
    `Pet` schemas then collide: the bundler renames one (`Pet-2`), and
    generated code, documentation anchors and links change with it.

    ## Example
    ```yaml
    # openapi.yaml
    components:
      schemas:
        Pet: {type: object}
    paths:
      /pets:
        post:
          requestBody:
            content:
              application/json:
                schema: {$ref: 'schemas/Pet.yaml'}
    ```

    ## Use instead
    ```yaml
    components:
      schemas:
        Pet: {$ref: 'schemas/Pet.yaml'}
    ```

    ## References
    - https://redocly.com/docs/cli/rules/oas/component-name-unique
    """
    places: dict[tuple[str, str], dict[tuple[str, str], tuple[Document, str]]] = {}

    def add(kind: str, doc: Document, pointer: str) -> None:
        group = places.setdefault((kind, _name(doc, pointer)), {})
        group.setdefault((doc.uri, pointer), (doc, pointer))

    comps = root.get("components")
    if isinstance(comps, dict):
        for kind, section in _SECTIONS.items():
            entries = comps.get(section)
            if isinstance(entries, dict):
                for key, entry in entries.items():
                    loc = ctx.deref(entry, root.doc, join("/components", section, key))
                    if loc is not None:  # a component that is a `$ref` is named after its target
                        add(kind, loc.doc, loc.pointer)
    for site in ctx.refs:
        if site.kind in _SECTIONS and site.target_doc is not None and site.target_doc is not root.doc:
            add(site.kind, site.target_doc, site.target_pointer or "")
    for (kind, name), group in places.items():
        if len(group) < 2:
            continue
        where = [f"{doc.uri}#{pointer}" if pointer else doc.uri for doc, pointer in group.values()]
        for i, (doc, pointer) in enumerate(group.values()):
            others = ", ".join(f"`{w}`" for j, w in enumerate(where) if j != i)
            yield Finding(
                doc,
                pointer,
                f"{_LABELS[kind]} name `{name}` is also "
                f"used by {others}; bundling would rename one of them: give them distinct names",
            )
