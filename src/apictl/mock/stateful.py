"""`--stateful`: CRUD behaviour inferred from the contract.

Operations are read as resources by their paths: `/pets` is a collection and
`/pets/{petId}` (a path ending in one parameter) its items; nested collections
(`/users/{id}/pets`) keep one store per parent. Then:

- `POST /pets` stores the body merged over the response's example (or schema
  sample) with a server-generated id in the id field (`petId`, `id`…: integer
  ids count up, string ids are UUIDs), and answers the contract's success
  status with it and a `Location` header;
- `GET /pets` answers what is stored, paged by `limit`/`offset` (or `page`
  with `per_page`/`pageSize`/`size`): an array response gets the items, an
  object response its first array property (and its `total`/`count` field);
- `GET /pets/{id}` answers the stored resource, or 404 (the contract's 404
  response when it has one);
- `PUT /pets/{id}` replaces (or creates) it, `PATCH` merges the body into it
  (JSON merge patch: `null` removes a field), `DELETE` removes it.

Invalid requests are answered as usual (422/401), never stored. A stored
resource that its response schema rejects is repaired from the example
(offending fields dropped), so answers stay valid against the contract.

State lives in the server process: `POST /__apictl/reset` empties it (204),
`GET /__apictl/state` shows it."""

from __future__ import annotations

import re
import uuid
from typing import Any

from apictl.mock import problems, responses
from apictl.mock.coerce import resolve
from apictl.mock.engine import MockEngine, Payload
from apictl.mock.examples import MISSING_EXAMPLE, Preferences, example
from apictl.mock.jsvalue import dumps
from apictl.mock.model import Content, Operation, Response
from apictl.mock.negotiate import is_json
from apictl.mock.types import ERROR, MockRequest, MockResponse, Violation
from apictl.mock.validate import RequestParts

ADMIN_PREFIX = "/__apictl"
_PARAM_SEGMENT = re.compile(r"^\{([^{}]+)\}$")
_PARAM = re.compile(r"\{([^{}]+)\}")
_ID_FIELDS = ("id", "uuid", "_id", "key", "name")
_LIMIT = ("limit", "per_page", "perPage", "page_size", "pageSize", "size")
_OFFSET = ("offset", "skip")
_TOTALS = ("total", "total_count", "totalCount", "count", "totalItems")


class Store:
    def __init__(self) -> None:
        self.collections: dict[str, dict[str, Any]] = {}
        self.counters: dict[str, int] = {}

    def attach(self, engine: MockEngine) -> None:
        engine.pre_route.append(self.admin)
        engine.hooks.append(lambda request, op, parts, violations: self.hook(engine, request, op, parts, violations))

    # -- admin ----------------------------------------------------------------
    def admin(self, request: MockRequest) -> MockResponse | None:
        if not request.path.startswith(ADMIN_PREFIX + "/"):
            return None
        action = request.path[len(ADMIN_PREFIX) + 1 :]
        method = request.method.upper()
        if action == "reset" and method == "POST":
            self.collections.clear()
            self.counters.clear()
            return MockResponse(204)
        if action == "state" and method == "GET":
            return MockResponse(200, [("content-type", "application/json")], dumps(self.collections))
        return problems.problem("NOT_FOUND", f"Unknown admin route {method} {request.path}")

    # -- CRUD -----------------------------------------------------------------
    def hook(
        self, engine: MockEngine, request: MockRequest, op: Operation, parts: RequestParts, violations: list[Violation]
    ) -> MockResponse | None:
        if any(v.severity == ERROR for v in violations):
            return None
        segments = op.path.rstrip("/").split("/")
        last = _PARAM_SEGMENT.match(segments[-1]) if segments else None
        method = op.method
        prefix = engine.router.base_paths[-1] if engine.router.base_paths else ""  # contracts keep apart
        if last is None:
            collection = prefix + _concrete(op.path, parts.path_params)
            item_param = self._item_param(engine, op.path)
            if not self._is_collection(engine, op.path, item_param):
                return None  # e.g. /pets/mine: nothing can be stored there
            if method == "POST":
                return self.create(engine, op, parts, collection, item_param)
            if method == "GET":
                return self.list(engine, op, parts, collection)
            return None
        template = "/".join(segments[:-1])
        if not self._is_collection(engine, template, last.group(1)):
            return None
        collection = prefix + _concrete(template, parts.path_params)
        ident = parts.path_params.get(last.group(1), "")
        if method == "GET":
            found = self.collections.get(collection, {}).get(ident)
            return self._reply(engine, op, found) if found is not None else self._missing(engine, op, parts)
        if method in ("PUT", "PATCH"):
            return self.update(engine, op, parts, collection, ident, last.group(1), patch=method == "PATCH")
        if method == "DELETE":
            store = self.collections.get(collection, {})
            if ident not in store:
                return self._missing(engine, op, parts)
            removed = store.pop(ident)
            return self._reply(engine, op, removed)
        return None

    @staticmethod
    def _is_collection(engine: MockEngine, path: str, item_param: str | None) -> bool:
        if "POST" in engine.spec.methods(path):
            return True
        item = f"{path.rstrip('/')}/{{{item_param}}}" if item_param else None
        return item is not None and "PUT" in engine.spec.methods(item)

    def _item_param(self, engine: MockEngine, collection: str) -> str | None:
        prefix = collection.rstrip("/") + "/"
        for path in engine.spec.items:
            if path.startswith(prefix):
                m = _PARAM_SEGMENT.match(path[len(prefix) :])
                if m:
                    return m.group(1)
        return None

    def create(
        self, engine: MockEngine, op: Operation, parts: RequestParts, collection: str, item_param: str | None
    ) -> MockResponse | None:
        body = parts.body_value if isinstance(parts.body_value, dict) else {}
        base = self._base(engine, op)
        if base is None:
            return None
        field = _id_field(base, body, item_param)
        ident = self._new_id(collection, base.get(field))
        resource = {**base, **body, field: ident}
        resource = self._repair(engine, op, resource, base)
        self.collections.setdefault(collection, {})[str(ident)] = resource
        out = self._reply(engine, op, resource)
        if item_param is not None and out is not None:
            out.headers.append(("location", f"{_concrete(op.path, parts.path_params).rstrip('/')}/{ident}"))
        return out

    def list(self, engine: MockEngine, op: Operation, parts: RequestParts, collection: str) -> MockResponse | None:
        items = list(self.collections.get(collection, {}).values())
        total = len(items)
        limit = _int_param(parts.query, _LIMIT)
        offset = _int_param(parts.query, _OFFSET)
        page = _int_param(parts.query, ("page",))
        if page is not None and limit is not None and offset is None:
            offset = max(0, page - 1) * limit
        start = offset or 0
        items = items[start : start + limit if limit is not None else None]
        chosen = self._success(op)
        if chosen is None:
            return None
        response, _status, content = chosen
        shape = self._sample(engine, content) if content is not None else None
        if isinstance(shape, dict):
            key = next((k for k, v in shape.items() if isinstance(v, list)), None)
            if key is None:
                return None
            value: Any = {**shape, key: items}
            for name in _TOTALS:
                if isinstance(shape.get(name), int):
                    value[name] = total
        else:
            value = items
        return self._reply(engine, op, value)

    def update(
        self,
        engine: MockEngine,
        op: Operation,
        parts: RequestParts,
        collection: str,
        ident: str,
        param: str,
        patch: bool,
    ) -> MockResponse | None:
        body = parts.body_value if isinstance(parts.body_value, dict) else None
        if body is None:
            return None
        store = self.collections.setdefault(collection, {})
        existing = store.get(ident)
        if patch:
            if existing is None:
                return self._missing(engine, op, parts)
            resource = merge_patch(existing, body)
        else:
            base = existing if existing is not None else (self._base(engine, op) or {})
            resource = {**base, **body}
        field = _id_field(existing or resource, body, param)
        resource[field] = _typed_id(ident, (existing or {}).get(field, resource.get(field)))
        resource = self._repair(engine, op, resource, existing or self._base(engine, op) or {})
        store[ident] = resource
        return self._reply(engine, op, resource)

    # -- helpers --------------------------------------------------------------
    def _success(self, op: Operation) -> tuple[Response, int, Content | None] | None:
        found = responses.for_success(op.responses)
        if found is None:
            return None
        response, status = found
        content = next((c for c in response.contents if is_json(c.media_type)), None)
        return response, status, content

    def _sample(self, engine: MockEngine, content: Content) -> Any:
        value = example(content, None)
        if value is not MISSING_EXAMPLE:
            return value
        if content.schema is None:
            return None
        return engine.sampler.sample(content.schema.value, content.schema.doc)

    def _base(self, engine: MockEngine, op: Operation) -> dict[str, Any] | None:
        chosen = self._success(op)
        if chosen is None or chosen[2] is None:
            return {}
        value = self._sample(engine, chosen[2])
        return dict(value) if isinstance(value, dict) else None

    def _new_id(self, collection: str, sample: Any) -> Any:
        count = self.counters.get(collection, 0) + 1
        self.counters[collection] = count
        if isinstance(sample, str):
            return str(uuid.uuid4())
        return count

    def _repair(
        self, engine: MockEngine, op: Operation, resource: dict[str, Any], base: dict[str, Any]
    ) -> dict[str, Any]:
        """`resource` made valid against the success response's schema: writeOnly
        fields dropped, offending fields restored from the example or dropped
        when optional."""
        chosen = self._success(op)
        if chosen is None or chosen[2] is None or chosen[2].schema is None:
            return resource
        content = chosen[2]
        assert content.schema is not None
        schema, doc = resolve(content.schema.value, content.schema.doc, engine.spec.ws)
        props = schema.get("properties") if isinstance(schema, dict) else None
        props = props if isinstance(props, dict) else {}
        required = set(schema.get("required") or []) if isinstance(schema, dict) else set()
        resource = {k: v for k, v in resource.items() if not _write_only(props.get(k), doc, engine)}
        for _ in range(3):
            found = engine.validator.response_body(content, resource)
            bad = {v.location[1] for v in found if len(v.location) > 1}
            if not bad:
                break
            for key in bad:
                if key in base and base[key] != resource.get(key):
                    resource[key] = base[key]
                elif key not in required:
                    resource.pop(key, None)
        return resource

    def _reply(self, engine: MockEngine, op: Operation, value: Any) -> MockResponse | None:
        chosen = self._success(op)
        if chosen is None:
            return None
        response, status, content = chosen
        if content is None:
            return MockResponse(status, engine._headers(response))
        return engine.write(Payload(status, response, content, value), [], Preferences())

    def _missing(self, engine: MockEngine, op: Operation, parts: RequestParts) -> MockResponse:
        if responses.by_code(op.responses, 404) is not None:
            return engine.respond(op, parts, Preferences(code=404), [], "", True)
        path = _concrete(op.path, parts.path_params)
        return problems.problem("NOT_FOUND", f"{path} is not stored (stateful mock)")


def _write_only(prop: Any, doc: Any, engine: MockEngine) -> bool:
    prop, _doc = resolve(prop, doc, engine.spec.ws)
    return isinstance(prop, dict) and prop.get("writeOnly") is True


def _concrete(template: str, params: dict[str, str]) -> str:
    return _PARAM.sub(lambda m: params.get(m.group(1), m.group(0)), template) or "/"


def _id_field(base: dict[str, Any], body: dict[str, Any], param: str | None) -> str:
    candidates = ([param] if param else []) + list(_ID_FIELDS)
    for name in candidates:
        if name in base:
            return name
    if param and param.lower().endswith("id"):
        for name in base:
            if name.lower() == "id":
                return name
    return "id"


def _typed_id(ident: str, sample: Any) -> Any:
    if isinstance(sample, int) and not isinstance(sample, bool) and ident.lstrip("-").isdigit():
        return int(ident)
    return ident


def _int_param(query: dict[str, list[str]], names: tuple[str, ...]) -> int | None:
    for name in names:
        values = query.get(name)
        if values and values[0].isdigit():
            return int(values[0])
    return None


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON merge patch."""
    if not isinstance(patch, dict):
        return patch
    out = dict(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge_patch(out.get(k), v)
    return out
