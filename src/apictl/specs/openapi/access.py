"""Version-independent accessors over OpenAPI 2.0 and 3.x data.

Rules ask these questions instead of branching on the version themselves:
where are the reusable schemas, which security schemes exist, what are the
servers' URLs, which (media type, schema, examples) does a response carry…
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import join
from apictl.core.refs import RefError, Workspace
from apictl.specs.openapi.model import Node

COLLECTION_STYLES = {  # 2.0 collectionFormat -> (3.x style, explode)
    "csv": ("form", False),
    "ssv": ("spaceDelimited", False),
    "tsv": ("tabDelimited", False),
    "pipes": ("pipeDelimited", False),
    "multi": ("form", True),
}


def is_oas2(version: str) -> bool:
    return version == "oas2"


@dataclass(slots=True)
class Located:
    """A value and where it is written."""

    value: Any
    doc: Document
    pointer: str

    def node(self, kind: str, parent: Node | None = None, key: str | int | None = None) -> Node:
        return Node(kind, self.value, self.doc, self.pointer, parent, key)


def deref(ws: Workspace, value: Any, doc: Document, pointer: str) -> Located | None:
    """Follow a `$ref` if `value` is one; None when it cannot be resolved (the
    unresolved-ref rule reports that)."""
    if isinstance(value, dict) and "$ref" in value:
        try:
            t = ws.resolve(value["$ref"], doc)
        except RefError:
            return None
        return Located(t.value, t.doc, t.pointer)
    return Located(value, doc, pointer)


def components(root: dict[str, Any], version: str) -> dict[str, tuple[str, dict[str, Any]]]:
    """Reusable sections: kind name -> (pointer of the section, mapping)."""
    if is_oas2(version):
        names = {
            "schemas": "definitions",
            "parameters": "parameters",
            "responses": "responses",
            "securitySchemes": "securityDefinitions",
        }
        return {k: (f"/{v}", root[v]) for k, v in names.items() if isinstance(root.get(v), dict)}
    comps = root.get("components")
    if not isinstance(comps, dict):
        return {}
    return {k: (f"/components/{k}", v) for k, v in comps.items() if isinstance(v, dict) and not k.startswith("x-")}


def security_schemes(root: dict[str, Any], version: str) -> dict[str, Any]:
    section = components(root, version).get("securitySchemes")
    return section[1] if section else {}


def server_urls(root: dict[str, Any], version: str) -> list[tuple[str, str]]:
    """(url, pointer) for each top-level server; for 2.0 built from host/basePath."""
    if is_oas2(version):
        if "host" not in root:
            return []
        schemes = root.get("schemes") or ["https"]
        base = root.get("basePath", "") or ""
        return [(f"{s}://{root['host']}{base}", "/host") for s in schemes if isinstance(s, str)]
    servers = root.get("servers")
    if not isinstance(servers, list):
        return []
    return [
        (s["url"], f"/servers/{i}/url")
        for i, s in enumerate(servers)
        if isinstance(s, dict) and isinstance(s.get("url"), str)
    ]


def operation_parameters(ws: Workspace, op: Node, inherited: bool = True) -> Iterator[Located]:
    """Parameters in force for an operation: its own, then (unless `inherited` is False) the path
    item's that it does not override (same name and location), each resolved."""
    own: list[Located] = []
    params = op.get("parameters")
    if isinstance(params, list):
        for i, p in enumerate(params):
            loc = deref(ws, p, op.doc, join(op.pointer, "parameters", i))
            if loc is not None and isinstance(loc.value, dict):
                own.append(loc)
    yield from own
    if not inherited:
        return
    seen = {param_key(p.value) for p in own}
    item = op.parent
    if item is not None and isinstance(item.value, dict) and isinstance(item.value.get("parameters"), list):
        for i, p in enumerate(item.value["parameters"]):
            loc = deref(ws, p, item.doc, join(item.pointer, "parameters", i))
            if loc is not None and isinstance(loc.value, dict) and param_key(loc.value) not in seen:
                yield loc


def param_key(param: dict[str, Any]) -> tuple[Any, Any]:
    """Parameters are identified by name and location; header names ignore case."""
    name = param.get("name")
    if param.get("in") == "header" and isinstance(name, str):
        name = name.lower()
    return name, param.get("in")


@dataclass(slots=True)
class Media:
    """A payload: its media type, schema and examples, wherever the version keeps them."""

    media_type: str
    schema: Located | None
    examples: list[Located]  # each a value (not an Example Object)
    owner: Located  # the MediaType (3.x) or Response/Parameter (2.0)


def response_media(ws: Workspace, response: Node, version: str) -> Iterator[Media]:
    value = response.value
    if not isinstance(value, dict):
        return
    if is_oas2(version):
        owner = Located(value, response.doc, response.pointer)
        schema = value.get("schema")
        schema_loc = (
            Located(schema, response.doc, join(response.pointer, "schema")) if isinstance(schema, dict) else None
        )
        examples = value.get("examples")
        if isinstance(examples, dict) and examples:
            for mt, ex in examples.items():
                yield Media(mt, schema_loc, [Located(ex, response.doc, join(response.pointer, "examples", mt))], owner)
        elif schema_loc is not None:
            yield Media("", schema_loc, [], owner)
        return
    yield from _content_media(ws, value.get("content"), response.doc, join(response.pointer, "content"))


def request_media(ws: Workspace, op: Node, version: str) -> Iterator[Media]:
    if is_oas2(version):
        for p in operation_parameters(ws, op):
            if p.value.get("in") == "body" and isinstance(p.value.get("schema"), dict):
                yield Media("", Located(p.value["schema"], p.doc, join(p.pointer, "schema")), [], p)
        return
    body = op.get("requestBody")
    if body is None:
        return
    loc = deref(ws, body, op.doc, join(op.pointer, "requestBody"))
    if loc is not None and isinstance(loc.value, dict):
        yield from _content_media(ws, loc.value.get("content"), loc.doc, join(loc.pointer, "content"))


def _content_media(ws: Workspace, content: Any, doc: Document, pointer: str) -> Iterator[Media]:
    if not isinstance(content, dict):
        return
    for mt, media in content.items():
        mloc = deref(ws, media, doc, join(pointer, mt))
        if mloc is None or not isinstance(mloc.value, dict):
            continue
        yield media_of(ws, mt, mloc)


def media_of(ws: Workspace, media_type: str, mloc: Located) -> Media:
    """Schema and example values of a 3.x Media Type (or Parameter/Header) object."""
    mv = mloc.value
    schema = mv.get("schema")
    schema_loc = Located(schema, mloc.doc, join(mloc.pointer, "schema")) if isinstance(schema, dict) else None
    examples: list[Located] = []
    if "example" in mv:
        examples.append(Located(mv["example"], mloc.doc, join(mloc.pointer, "example")))
    if isinstance(mv.get("examples"), dict):
        for name, ex in mv["examples"].items():
            eloc = deref(ws, ex, mloc.doc, join(mloc.pointer, "examples", name))
            if eloc is not None and isinstance(eloc.value, dict) and "value" in eloc.value:
                examples.append(Located(eloc.value["value"], eloc.doc, join(eloc.pointer, "value")))
    return Media(media_type, schema_loc, examples, mloc)
