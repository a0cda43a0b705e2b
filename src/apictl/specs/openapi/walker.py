"""Walk an OpenAPI document once, by node kind, following `$ref`s.

The tables below say, for each kind of node, which fields hold which kinds of
children — for OpenAPI 3.x and for 2.0 — so version differences live here and
not in the rules. Each `$ref` target is walked once per kind, whichever file it
is in, so circular references terminate and shared components are checked
once, at the place they are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import escape
from apictl.core.refs import RefError, Workspace
from apictl.specs.openapi import model as m

ONE, LIST, MAP = "one", "list", "map"
Fields = dict[str, tuple[str, str]]

_SCHEMA: Fields = {
    "properties": (m.SCHEMA, MAP),
    "patternProperties": (m.SCHEMA, MAP),
    "additionalProperties": (m.SCHEMA, ONE),
    "items": (m.SCHEMA, ONE),
    "prefixItems": (m.SCHEMA, LIST),
    "additionalItems": (m.SCHEMA, ONE),
    "allOf": (m.SCHEMA, LIST),
    "anyOf": (m.SCHEMA, LIST),
    "oneOf": (m.SCHEMA, LIST),
    "not": (m.SCHEMA, ONE),
    "if": (m.SCHEMA, ONE),
    "then": (m.SCHEMA, ONE),
    "else": (m.SCHEMA, ONE),
    "contains": (m.SCHEMA, ONE),
    "propertyNames": (m.SCHEMA, ONE),
    "dependentSchemas": (m.SCHEMA, MAP),
    "$defs": (m.SCHEMA, MAP),
    "unevaluatedProperties": (m.SCHEMA, ONE),
    "unevaluatedItems": (m.SCHEMA, ONE),
}
_OPS3 = {meth: (m.OPERATION, ONE) for meth in m.HTTP_METHODS}

OAS3: dict[str, Fields] = {
    m.ROOT: {
        "info": (m.INFO, ONE),
        "servers": (m.SERVER, LIST),
        "paths": (m.PATHS, ONE),
        "webhooks": (m.PATH_ITEM, MAP),
        "components": (m.COMPONENTS, ONE),
        "tags": (m.TAG, LIST),
        "security": (m.SECURITY_REQUIREMENT, LIST),
        "externalDocs": (m.EXTERNAL_DOCS, ONE),
    },
    m.INFO: {"contact": (m.CONTACT, ONE), "license": (m.LICENSE, ONE)},
    m.SERVER: {"variables": (m.SERVER_VARIABLE, MAP)},
    m.PATH_ITEM: {
        **_OPS3,
        "query": (m.OPERATION, ONE),
        "additionalOperations": (m.OPERATION, MAP),
        "parameters": (m.PARAMETER, LIST),
        "servers": (m.SERVER, LIST),
    },
    m.OPERATION: {
        "parameters": (m.PARAMETER, LIST),
        "requestBody": (m.REQUEST_BODY, ONE),
        "responses": (m.RESPONSES, ONE),
        "callbacks": (m.CALLBACK, MAP),
        "servers": (m.SERVER, LIST),
        "security": (m.SECURITY_REQUIREMENT, LIST),
        "externalDocs": (m.EXTERNAL_DOCS, ONE),
    },
    m.PARAMETER: {"schema": (m.SCHEMA, ONE), "content": (m.MEDIA_TYPE, MAP), "examples": (m.EXAMPLE, MAP)},
    m.REQUEST_BODY: {"content": (m.MEDIA_TYPE, MAP)},
    m.RESPONSE: {"headers": (m.HEADER, MAP), "content": (m.MEDIA_TYPE, MAP), "links": (m.LINK, MAP)},
    m.MEDIA_TYPE: {
        "schema": (m.SCHEMA, ONE),
        "itemSchema": (m.SCHEMA, ONE),
        "examples": (m.EXAMPLE, MAP),
        "encoding": (m.ENCODING, MAP),
    },
    m.ENCODING: {"headers": (m.HEADER, MAP)},
    m.HEADER: {"schema": (m.SCHEMA, ONE), "content": (m.MEDIA_TYPE, MAP), "examples": (m.EXAMPLE, MAP)},
    m.SCHEMA: {**_SCHEMA, "externalDocs": (m.EXTERNAL_DOCS, ONE)},
    m.COMPONENTS: {
        "schemas": (m.SCHEMA, MAP),
        "responses": (m.RESPONSE, MAP),
        "parameters": (m.PARAMETER, MAP),
        "examples": (m.EXAMPLE, MAP),
        "requestBodies": (m.REQUEST_BODY, MAP),
        "headers": (m.HEADER, MAP),
        "securitySchemes": (m.SECURITY_SCHEME, MAP),
        "links": (m.LINK, MAP),
        "callbacks": (m.CALLBACK, MAP),
        "mediaTypes": (m.MEDIA_TYPE, MAP),
    },
    # components/pathItems are walked only from the paths/webhooks/callbacks that
    # use them: an operation means something only under a path.
    m.SECURITY_SCHEME: {"flows": (m.OAUTH_FLOWS, ONE)},
    m.TAG: {"externalDocs": (m.EXTERNAL_DOCS, ONE)},
}
OAS2: dict[str, Fields] = {
    m.ROOT: {
        "info": (m.INFO, ONE),
        "paths": (m.PATHS, ONE),
        "definitions": (m.SCHEMA, MAP),
        "parameters": (m.PARAMETER, MAP),
        "responses": (m.RESPONSE, MAP),
        "securityDefinitions": (m.SECURITY_SCHEME, MAP),
        "tags": (m.TAG, LIST),
        "security": (m.SECURITY_REQUIREMENT, LIST),
        "externalDocs": (m.EXTERNAL_DOCS, ONE),
    },
    m.INFO: {"contact": (m.CONTACT, ONE), "license": (m.LICENSE, ONE)},
    m.PATH_ITEM: {
        **{meth: (m.OPERATION, ONE) for meth in m.HTTP_METHODS if meth != "trace"},
        "parameters": (m.PARAMETER, LIST),
    },
    m.OPERATION: {
        "parameters": (m.PARAMETER, LIST),
        "responses": (m.RESPONSES, ONE),
        "security": (m.SECURITY_REQUIREMENT, LIST),
        "externalDocs": (m.EXTERNAL_DOCS, ONE),
    },
    m.PARAMETER: {"schema": (m.SCHEMA, ONE), "items": (m.SCHEMA, ONE)},
    m.RESPONSE: {"schema": (m.SCHEMA, ONE), "headers": (m.HEADER, MAP)},
    m.HEADER: {"items": (m.SCHEMA, ONE)},
    m.SCHEMA: {**_SCHEMA, "externalDocs": (m.EXTERNAL_DOCS, ONE)},
    m.TAG: {"externalDocs": (m.EXTERNAL_DOCS, ONE)},
}
# Kinds whose every non-extension key is a child of one kind.
_KEYED = {m.PATHS: m.PATH_ITEM, m.RESPONSES: m.RESPONSE, m.CALLBACK: m.PATH_ITEM}
# Kinds that may be a `$ref` (Reference Object); 3.1 schemas may also carry siblings.
_NOT_REFABLE = {
    m.ROOT,
    m.INFO,
    m.CONTACT,
    m.LICENSE,
    m.PATHS,
    m.RESPONSES,
    m.COMPONENTS,
    m.TAG,
    m.SERVER,
    m.SERVER_VARIABLE,
    m.SECURITY_REQUIREMENT,
    m.EXTERNAL_DOCS,
    m.OAUTH_FLOWS,
}
# Component sections: their entries are walked where they are written.
REUSABLE_SECTIONS = {
    "oas3": (
        "components",
        (
            "schemas",
            "responses",
            "parameters",
            "examples",
            "requestBodies",
            "headers",
            "securitySchemes",
            "links",
            "callbacks",
            "mediaTypes",
        ),
    ),
    "oas2": ("", ("definitions", "parameters", "responses", "securityDefinitions")),
}


@dataclass(slots=True)
class RefSite:
    """A `$ref` met during the walk: where it is, and what it led to (or why not)."""

    doc: Document
    pointer: str  # pointer of the object holding `$ref`
    ref: Any
    kind: str  # kind of node expected there
    target_doc: Document | None = None
    target_pointer: str | None = None
    error: str | None = None


@dataclass
class Walker:
    ws: Workspace
    version: str  # oas2 | oas3.0 | oas3.1 | oas3.2
    visit: Callable[[m.Node], None]
    refs: list[RefSite] = field(default_factory=list)
    _seen: set[tuple[int, str, str]] = field(default_factory=set)

    @property
    def table(self) -> dict[str, Fields]:
        return OAS2 if self.version == "oas2" else OAS3

    def run(self) -> m.Node:
        doc = self.ws.root
        root = m.Node(m.ROOT, doc.data, doc, "", None, None)
        # Components first, marked as seen, so `$ref`s to them don't walk them again.
        section, names = REUSABLE_SECTIONS["oas2" if self.version == "oas2" else "oas3"]
        holder = doc.data.get(section) if section else doc.data
        base = "/" + section if section else ""
        fields = self.table[m.COMPONENTS] if section else self.table[m.ROOT]
        if isinstance(holder, dict):
            for name in names:
                entries = holder.get(name)
                if isinstance(entries, dict) and name in fields:
                    for key in entries:
                        self._seen.add((id(doc), f"{base}/{escape(name)}/{escape(key)}", fields[name][0]))
        self._node(root)
        return root

    def _node(self, node: m.Node) -> None:
        self.visit(node)
        value = node.value
        if not isinstance(value, dict):
            return
        for child_kind, rel, key, child in self._children(node.kind, value):
            self._child(child_kind, child, node, rel, key)

    def _children(self, kind: str, value: dict[str, Any]) -> Iterator[tuple[str, str, str | int, Any]]:
        """(child kind, escaped relative pointer, key, value) for each child."""
        keyed = _KEYED.get(kind)
        if keyed is not None:
            for key, child in value.items():
                if not key.startswith("x-"):
                    yield keyed, escape(key), key, child
            return
        fields = self.table.get(kind)
        if not fields:
            return
        for name, child in value.items():  # document order; most nodes have few keys
            spec = fields.get(name)
            if spec is None:
                continue
            child_kind, mode = spec
            if mode == ONE and not (isinstance(child, list) and name == "items"):
                yield child_kind, name, name, child
            elif isinstance(child, list) and mode in (LIST, ONE):  # ONE: draft-4 tuple `items`
                for i, item in enumerate(child):
                    yield child_kind, f"{name}/{i}", i, item
            elif mode == MAP and isinstance(child, dict):
                esc = escape(name)
                for key, item in child.items():
                    yield child_kind, f"{esc}/{escape(key)}", key, item

    def _child(self, kind: str, value: Any, parent: m.Node, rel: str, key: str | int) -> None:
        doc = parent.doc
        pointer = f"{parent.pointer}/{rel}"
        if isinstance(value, dict) and "$ref" in value and kind not in _NOT_REFABLE:
            if kind == m.SCHEMA and len(value) > 1 and self.version not in ("oas2", "oas3.0"):
                # 3.1+: keywords beside `$ref` apply too; walk this schema in place as well
                self._node(m.Node(kind, value, doc, pointer, parent, key))
            site = RefSite(doc, pointer, value["$ref"], kind)
            self.refs.append(site)
            try:
                target = self.ws.resolve(value["$ref"], doc)
            except RefError as exc:
                site.error = str(exc)
                return
            site.target_doc, site.target_pointer = target.doc, target.pointer
            # A path item shared by several paths is walked under each of them:
            # its operations' meaning (path parameters) depends on the path.
            scope = parent.pointer if kind == m.PATH_ITEM else ""
            mark = (id(target.doc), target.pointer, kind + scope)
            if mark in self._seen:
                return
            self._seen.add(mark)
            doc, pointer, value = target.doc, target.pointer, target.value
        self._node(m.Node(kind, value, doc, pointer, parent, key))
