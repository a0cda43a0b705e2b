"""Postman collections (v2.0 / v2.1) read as API contracts.

A collection is turned into the OpenAPI 3.0 document it implies, so every
consumer of OpenAPI (the mock first) serves it unchanged:

- each request becomes an operation: `url.path` segments (`:id` and `{{id}}`
  become path parameters), `url.query` and request headers become optional
  parameters, the body (raw / urlencoded / formdata) a request body whose
  schema is inferred from the example;
- each saved response becomes a response of its `code` with one content per
  `Content-Type` (JSON bodies parsed; responses sharing code and media type
  become named examples), other headers response headers with examples;
- `auth` (collection, folder or request level; the nearest wins, `noauth`
  clears it) becomes a security scheme: basic, bearer, digest, apikey (header,
  query) and oauth2 (a bearer token) are understood;
- schemas are inferred from example values: type, properties and item shape,
  nothing required (a collection shows what was sent, not what must be).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

_SKIP_HEADERS = {"content-type", "accept", "authorization", "content-length", "host", "cookie"}
_VAR = re.compile(r"^\{\{(.+)\}\}$")


def is_collection(data: Any) -> bool:
    if not isinstance(data, dict) or "openapi" in data or "swagger" in data:
        return False
    info = data.get("info")
    return isinstance(data.get("item"), list) and isinstance(info, dict)


def to_openapi(data: dict[str, Any]) -> dict[str, Any]:
    converter = _Converter()
    info = _dict(data.get("info"))
    converter.walk(data.get("item", []), _auth_of(data))
    out: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": str(info.get("name") or "Postman collection"), "version": "1.0"},
        "paths": converter.paths,
    }
    if converter.schemes:
        out["components"] = {"securitySchemes": converter.schemes}
    return out


def infer_schema(value: Any) -> dict[str, Any]:
    """A JSON Schema describing `value`'s shape."""
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if isinstance(value, str):
        return {"type": "string"}
    if isinstance(value, list):
        schema: dict[str, Any] = {"type": "array"}
        if value:
            schema["items"] = infer_schema(value[0])
        return schema
    if isinstance(value, dict):
        return {"type": "object", "properties": {str(k): infer_schema(v) for k, v in value.items()}}
    return {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


_NO_AUTH = object()


def _auth_of(node: dict[str, Any]) -> Any:
    auth = node.get("auth")
    if auth is None:
        return None
    if not isinstance(auth, dict) or auth.get("type") in (None, "noauth"):
        return _NO_AUTH
    return auth


def _auth_params(auth: dict[str, Any]) -> dict[str, Any]:
    """v2.1 keeps auth options as [{key, value}], v2.0 as an object."""
    raw = auth.get(str(auth.get("type")))
    if isinstance(raw, list):
        return {str(p.get("key")): p.get("value") for p in raw if isinstance(p, dict)}
    return raw if isinstance(raw, dict) else {}


def _media_type(headers: Any) -> str | None:
    for h in headers if isinstance(headers, list) else []:
        if isinstance(h, dict) and str(h.get("key", "")).lower() == "content-type" and h.get("value"):
            return str(h["value"]).split(";", 1)[0].strip().lower()
    return None


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _parse_json(text: str) -> tuple[bool, Any]:
    try:
        return True, json.loads(text)
    except (ValueError, RecursionError):
        return False, None


class _Converter:
    def __init__(self) -> None:
        self.paths: dict[str, dict[str, Any]] = {}
        self.schemes: dict[str, Any] = {}

    def walk(self, items: Any, auth: Any) -> None:
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                continue
            own = _auth_of(item)
            inherited = auth if own is None else own
            if isinstance(item.get("item"), list):
                self.walk(item["item"], inherited)
            elif "request" in item:
                self.request(item, inherited)

    def request(self, item: dict[str, Any], auth: Any) -> None:
        req = item["request"]
        if isinstance(req, str):
            req = {"url": req}
        if not isinstance(req, dict):
            return
        own = _auth_of(req)
        if own is not None:
            auth = own
        method = str(req.get("method") or "GET").lower()
        path, params = self.url(req.get("url"))
        op: dict[str, Any] = {"responses": {}}
        if isinstance(item.get("name"), str):
            op["summary"] = item["name"]
        for h in _list(req.get("header")):
            if isinstance(h, dict) and h.get("key") and not h.get("disabled"):
                if str(h["key"]).lower() not in _SKIP_HEADERS:
                    params.append({"name": str(h["key"]), "in": "header", "schema": {"type": "string"}})
        if params:
            op["parameters"] = params
        body = self.body(req.get("body"), _media_type(req.get("header")))
        if body is not None:
            op["requestBody"] = body
        for i, resp in enumerate(_list(item.get("response"))):
            if isinstance(resp, dict):
                self.response(op["responses"], resp, i)
        if not op["responses"]:
            op["responses"]["200"] = {"description": "OK"}
        security = self.security(auth)
        if security is not None:
            op["security"] = security
        item_path = self.paths.setdefault(path, {})
        if method not in item_path:  # the first request of a method and path is the contract
            item_path[method] = op

    def url(self, url: Any) -> tuple[str, list[dict[str, Any]]]:
        params: list[dict[str, Any]] = []
        segments: list[str] = []
        query: list[Any] = []
        if isinstance(url, str):
            raw = url
            if "://" not in raw and not raw.startswith("/"):
                raw = "http://" + raw
            parts = urlsplit(raw)
            segments = [s for s in parts.path.split("/") if s]
            query = [{"key": kv.partition("=")[0]} for kv in parts.query.split("&") if kv]
        elif isinstance(url, dict):
            path = url.get("path")
            if isinstance(path, str):
                segments = [s for s in path.split("/") if s]
            elif isinstance(path, list):
                for seg in path:
                    value = seg.get("value") if isinstance(seg, dict) else seg
                    if value is not None and str(value) != "":
                        segments.append(str(value))
            elif isinstance(url.get("raw"), str):
                return self.url(url["raw"])
            query = _list(url.get("query"))
        out = []
        for seg in segments:
            var = _VAR.match(seg)
            name = seg[1:] if seg.startswith(":") else (var.group(1) if var else None)
            if name:
                out.append("{" + name + "}")
                params.append({"name": name, "in": "path", "required": True, "schema": {"type": "string"}})
            else:
                out.append(seg)
        for q in query:
            if isinstance(q, dict) and q.get("key") and not q.get("disabled"):
                params.append({"name": str(q["key"]), "in": "query", "schema": {"type": "string"}})
        return "/" + "/".join(out), params

    def body(self, body: Any, media_type: str | None) -> dict[str, Any] | None:
        if isinstance(body, str):
            body = {"mode": "raw", "raw": body}
        if not isinstance(body, dict) or body.get("disabled"):
            return None
        mode = body.get("mode")
        if mode == "raw" and isinstance(body.get("raw"), str) and body["raw"].strip():
            raw = body["raw"]
            ok, value = _parse_json(raw)
            language = ((body.get("options") or {}).get("raw") or {}).get("language")
            mt = media_type or ("application/json" if ok or language == "json" else "text/plain")
            if _is_json(mt) and ok:
                media = {"schema": infer_schema(value), "example": value}
            else:
                media = {"schema": {"type": "string"}, "example": raw}
            return {"content": {mt: media}}
        if mode in ("urlencoded", "formdata") and isinstance(body.get(mode), list):
            props: dict[str, Any] = {}
            example: dict[str, Any] = {}
            for field in body[mode]:
                if isinstance(field, dict) and field.get("key") and not field.get("disabled"):
                    key = str(field["key"])
                    is_file = field.get("type") == "file"
                    props[key] = {"type": "string", "format": "binary"} if is_file else {"type": "string"}
                    if not is_file and field.get("value") is not None:
                        example[key] = str(field["value"])
            mt = "application/x-www-form-urlencoded" if mode == "urlencoded" else "multipart/form-data"
            return {"content": {mt: {"schema": {"type": "object", "properties": props}, "example": example}}}
        return None

    def response(self, responses: dict[str, Any], resp: dict[str, Any], index: int) -> None:
        code = str(resp.get("code") or 200)
        out = responses.setdefault(code, {"description": str(resp.get("description") or resp.get("name") or "")})
        headers = _list(resp.get("header"))
        for h in headers:
            if (
                isinstance(h, dict)
                and h.get("key")
                and str(h["key"]).lower()
                not in _SKIP_HEADERS
                | {
                    "content-length",
                    "date",
                    "transfer-encoding",
                    "connection",
                }
            ):
                value = h.get("value")
                out.setdefault("headers", {})[str(h["key"])] = {
                    "schema": {"type": "string"},
                    "example": "" if value is None else str(value),
                }
        body = resp.get("body")
        if body is None or (isinstance(body, str) and body == ""):
            return
        text = body if isinstance(body, str) else json.dumps(body)
        mt = _media_type(headers)
        ok, value = _parse_json(text)
        if mt is None:
            mt = "application/json" if ok else "text/plain"
        if _is_json(mt) and ok:
            media: dict[str, Any] = {"schema": infer_schema(value), "example": value}
        else:
            media = {"schema": {"type": "string"}, "example": text}
        content = out.setdefault("content", {})
        if mt not in content:
            content[mt] = media
            return
        existing = content[mt]
        examples = existing.setdefault("examples", {})
        if "example" in existing:
            examples["default"] = {"value": existing.pop("example")}
        name = str(resp.get("name") or resp.get("id") or f"example{index}")
        examples[name] = {"value": media["example"]}

    def security(self, auth: Any) -> list[dict[str, list[str]]] | None:
        if auth is None:
            return None
        if auth is _NO_AUTH:
            return []
        kind = str(auth.get("type", "")).lower()
        params = _auth_params(auth)
        if kind in ("basic", "bearer", "digest"):
            name, scheme = kind, {"type": "http", "scheme": kind}
        elif kind == "oauth2" and params.get("addTokenTo", "header") == "header":
            name, scheme = "oauth2", {"type": "http", "scheme": "bearer"}
        elif kind == "oauth2":
            name, scheme = "oauth2-query", {"type": "apiKey", "in": "query", "name": "access_token"}
        elif kind == "apikey":
            where = str(params.get("in") or "header").lower()
            where = "query" if where.startswith("query") else "header"
            key = str(params.get("key") or "key")
            name, scheme = f"apikey-{where}-{key}", {"type": "apiKey", "in": where, "name": key}
        else:
            return None  # hawk, ntlm, awsv4, oauth1…: not checked by the mock
        self.schemes.setdefault(name, scheme)
        return [{name: []}]
