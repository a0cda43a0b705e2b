"""Which operations page, and how: recognised from the contract's parameter
names, response shapes and `Link` headers (the conventions of public APIs).

- `offset`: an offset-like query parameter (`offset`, `skip`, `start`) — or a
  page number (`page`) — and the items in the body;
- `cursor`: a cursor query parameter (`cursor`, `after`, `page_token`…) and a
  next-cursor property beside the items in the body;
- `link`: a declared `Link` response header (RFC 8288 `rel="next"`), as GitHub does.
"""

from __future__ import annotations

from dataclasses import dataclass

from apictl.core.pointer import join
from apictl.core.refs import RefError, Workspace
from apictl.gen.ir import Operation, SchemaRef

OFFSET_PARAMS = ("offset", "skip", "start")
PAGE_PARAMS = ("page", "page_number", "pageNumber")
SIZE_PARAMS = ("limit", "per_page", "perPage", "page_size", "pageSize", "size", "count", "max_results", "maxResults")
CURSOR_PARAMS = (
    "cursor",
    "after",
    "page_token",
    "pageToken",
    "next_token",
    "nextToken",
    "starting_after",
    "continuation",
)
NEXT_PROPS = (
    "next_cursor",
    "nextCursor",
    "next_page_token",
    "nextPageToken",
    "next_token",
    "nextToken",
    "cursor",
    "next",
)
ITEM_PROPS = ("items", "data", "results", "values", "records", "entries", "elements", "nodes")


@dataclass(frozen=True)
class Paging:
    style: str  # offset | cursor | link
    param: str
    size_param: str
    items: str  # body property holding the items; "" when the body is the list
    next: str
    step_by_items: bool
    item_schema: SchemaRef


def detect_paging(op: Operation, ws: Workspace) -> Paging | None:
    if op.method != "GET":
        return None
    query = {p.name for p in op.parameters if p.location == "query"}
    ok = next((r for r in op.responses if r.status[:1] == "2"), None)
    if ok is None:
        return None
    media = next((m for m in ok.contents if "json" in m.media_type), None)
    if media is None or media.schema is None:
        return None
    body = _resolve(ws, media.schema)
    if body is None:
        return None
    size = next((s for s in SIZE_PARAMS if s in query), "")
    list_items = _array_items(ws, body)
    items_prop, item_schema = ("", list_items) if list_items is not None else _items_property(ws, body)
    if item_schema is None:
        return None
    if any(h.name.lower() == "link" for h in ok.headers):
        return Paging("link", "", size, items_prop, "", True, item_schema)
    cursor = next((c for c in CURSOR_PARAMS if c in query), "")
    if cursor and items_prop:
        props = body.value.get("properties") if isinstance(body.value.get("properties"), dict) else {}
        nxt = next((n for n in NEXT_PROPS if n in props), "")
        if nxt:
            return Paging("cursor", cursor, size, items_prop, nxt, True, item_schema)
    offset = next((o for o in OFFSET_PARAMS if o in query), "")
    if offset and size:
        return Paging("offset", offset, size, items_prop, "", True, item_schema)
    page = next((p for p in PAGE_PARAMS if p in query), "")
    if page:
        return Paging("offset", page, size, items_prop, "", False, item_schema)
    return None


def _resolve(ws: Workspace, ref: SchemaRef) -> SchemaRef | None:
    value = ref.value
    if isinstance(value, dict) and "$ref" in value:
        try:
            t = ws.resolve(value["$ref"], ref.doc)
        except RefError:
            return None
        return SchemaRef(t.value, t.doc, t.pointer) if isinstance(t.value, dict) else None
    return ref if isinstance(value, dict) else None


def _array_items(ws: Workspace, schema: SchemaRef) -> SchemaRef | None:
    value = schema.value
    types = value.get("type")
    if types == "array" or (isinstance(types, list) and "array" in types):
        items = value.get("items")
        if isinstance(items, dict):
            return SchemaRef(items, schema.doc, join(schema.pointer, "items"))
    return None


def _items_property(ws: Workspace, body: SchemaRef) -> tuple[str, SchemaRef | None]:
    props = body.value.get("properties")
    if not isinstance(props, dict):
        return "", None
    for name in ITEM_PROPS:
        if name in props:
            prop = _resolve(ws, SchemaRef(props[name], body.doc, join(body.pointer, "properties", name)))
            items = _array_items(ws, prop) if prop is not None else None
            if items is not None:
                return name, items
    return "", None
