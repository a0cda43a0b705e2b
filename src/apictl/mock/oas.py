"""OpenAPI 2.0 / 3.x operations turned into the mock's `model` (the adapter that
keeps version differences out of the engine).

2.0 specifics handled here: `produces`/`consumes` (per operation or global),
`examples` keyed by media type, `body` and `formData` parameters (a form body's
schema is synthesised from its parameters), `collectionFormat`, and
`securityDefinitions`. 3.x: `content`, `encoding`, parameter `style`/`explode`,
Example Objects, `$ref`'d path items, responses, parameters and bodies."""

from __future__ import annotations

import copy
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import join
from apictl.core.refs import Workspace
from apictl.mock.model import Content, Encoding, Header, Operation, Param, RequestBody, Response, SecurityScheme
from apictl.specs.openapi.access import COLLECTION_STYLES, Located, deref, operation_parameters, security_schemes
from apictl.specs.openapi.model import OPERATION, PATH_ITEM, Node

# http-spec's pattern for 2.0 `format: byte` form fields
BYTE_PATTERN = r"^[\w\d+\/=]*$"
SYNTHETIC_KEY = "x-apictl-synthetic"


class OperationBuilder:
    """Builds `Operation`s of one document on demand."""

    def __init__(self, ws: Workspace, version: str) -> None:
        self.ws = ws
        self.version = version
        self.oas2 = version == "oas2"
        self.root = ws.root
        data = self.root.data
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        self.schemes = security_schemes(self.data, version)
        # Schemas the contract implies but does not write (2.0 form bodies) live in a
        # copy of the root document, so their local `$ref`s still resolve.
        self.synthetic_data: dict[str, Any] = {**self.data, SYNTHETIC_KEY: {}}
        self.synthetic = Document(
            uri=self.root.uri,
            text=self.root.text,
            data=self.synthetic_data,
            syntax=self.root.syntax,
            kind="fragment",
            path=self.root.path,
        )

    # -- operations ----------------------------------------------------------
    def build(self, path: str, item: Located, method: str) -> Operation:
        op_value = item.value[method]
        pointer = join(item.pointer, method)
        item_node = Node(PATH_ITEM, item.value, item.doc, item.pointer, None, path)
        op_node = Node(OPERATION, op_value, item.doc, pointer, item_node, method)
        op = Operation(method.upper(), path)
        if not isinstance(op_value, dict):
            return op
        op.operation_id = op_value.get("operationId") if isinstance(op_value.get("operationId"), str) else None
        op.extensions = {k: v for k, v in op_value.items() if isinstance(k, str) and k.startswith("x-")}
        params = list(operation_parameters(self.ws, op_node))
        if self.oas2:
            self._oas2_params(op, op_node, params)
        else:
            op.params = [p for p in (self._oas3_param(loc) for loc in params) if p is not None]
            op.body = self._oas3_body(op_node)
        op.responses = self._responses(op_node)
        op.security = self._security(op_value)
        return op

    # -- parameters ----------------------------------------------------------
    def _oas3_param(self, loc: Located) -> Param | None:
        p = loc.value
        name, where = p.get("name"), p.get("in")
        if not isinstance(name, str) or where not in ("path", "query", "header", "cookie"):
            return None
        style = (
            p.get("style")
            if isinstance(p.get("style"), str)
            else ("form" if where in ("query", "cookie") else "simple")
        )
        explode = p.get("explode") if isinstance(p.get("explode"), bool) else style == "form"
        param = Param(
            name=name,
            location=where,
            required=p.get("required") is True or where == "path",
            deprecated=p.get("deprecated") is True,
            style=style,
            explode=explode,
            allow_reserved=p.get("allowReserved") is True,
        )
        if isinstance(p.get("schema"), (dict, bool)):
            param.schema = Located(p["schema"], loc.doc, join(loc.pointer, "schema"))
        elif isinstance(p.get("content"), dict) and p["content"]:
            mt, media = next(iter(p["content"].items()))
            param.content_type = mt
            if isinstance(media, dict) and isinstance(media.get("schema"), (dict, bool)):
                param.schema = Located(media["schema"], loc.doc, join(loc.pointer, "content", mt, "schema"))
        return param

    def _oas2_params(self, op: Operation, op_node: Node, params: list[Located]) -> None:
        form: list[Located] = []
        for loc in params:
            p = loc.value
            where = p.get("in")
            if where == "body":
                schema = p.get("schema")
                located = Located(schema, loc.doc, join(loc.pointer, "schema")) if isinstance(schema, dict) else None
                media = self._media_types(op_node, "consumes") or ["application/json"]
                op.body = RequestBody(p.get("required") is True, [Content(mt, located) for mt in media])
            elif where == "formData":
                form.append(loc)
            elif where in ("path", "query", "header") and isinstance(p.get("name"), str):
                style, explode = self._collection_style(p, where)
                op.params.append(
                    Param(
                        name=p["name"],
                        location=where,
                        required=p.get("required") is True or where == "path",
                        deprecated=p.get("deprecated") is True,
                        style=style,
                        explode=explode,
                        schema=loc,
                    )
                )
        if form and op.body is None:
            op.body = self._oas2_form(op_node, form)

    @staticmethod
    def _collection_style(p: dict[str, Any], where: str) -> tuple[str, bool]:
        fmt = p.get("collectionFormat", "csv")
        style, explode = COLLECTION_STYLES.get(fmt, ("form", False)) if isinstance(fmt, str) else ("form", False)
        if where in ("path", "header") and style == "form":
            style = "simple"
        if where != "query" and fmt == "multi":
            explode = False
        return style, explode

    def _oas2_form(self, op_node: Node, form: list[Located]) -> RequestBody:
        props: dict[str, Any] = {}
        required: list[str] = []
        encodings: dict[str, Encoding] = {}
        has_file = False
        for loc in form:
            p = loc.value
            name = p.get("name")
            if not isinstance(name, str):
                continue
            schema = {k: copy.deepcopy(v) for k, v in p.items() if k not in ("name", "in", "required", "description")}
            if p.get("type") == "file":
                has_file = True
                schema.pop("type")
            if p.get("format") == "byte" and p.get("type") == "string":
                schema["pattern"] = BYTE_PATTERN
            if p.get("allowEmptyValue") is False and p.get("type") == "string" and "minLength" not in schema:
                schema["minLength"] = 1
            props[name] = schema
            if p.get("required") is True:
                required.append(name)
            if p.get("type") == "array":
                style, explode = self._collection_style(p, "formData")
                encodings[name] = Encoding(style=style, explode=explode)
        synthetic: dict[str, Any] = {"type": "object", "properties": props}
        if required:
            synthetic["required"] = required
        store = self.synthetic_data[SYNTHETIC_KEY]
        key = str(len(store))
        store[key] = synthetic
        located = Located(synthetic, self.synthetic, join("", SYNTHETIC_KEY, key))
        media = self._media_types(op_node, "consumes")
        media = [m for m in media if "form" in m] or (
            ["multipart/form-data"] if has_file else ["application/x-www-form-urlencoded"]
        )
        return RequestBody(bool(required), [Content(mt, located, [], dict(encodings)) for mt in media])

    def _media_types(self, op_node: Node, key: str) -> list[str]:
        value = op_node.get(key)
        if not isinstance(value, list):
            value = self.data.get(key)
        return [m for m in value if isinstance(m, str)] if isinstance(value, list) else []

    # -- request bodies (3.x) ------------------------------------------------
    def _oas3_body(self, op_node: Node) -> RequestBody | None:
        body = op_node.get("requestBody")
        if body is None:
            return None
        loc = deref(self.ws, body, op_node.doc, join(op_node.pointer, "requestBody"))
        if loc is None or not isinstance(loc.value, dict):
            return None
        contents = self._contents(loc.value.get("content"), loc.doc, join(loc.pointer, "content"), request=True)
        return RequestBody(loc.value.get("required") is True, contents)

    def _contents(self, content: Any, doc: Document, pointer: str, request: bool = False) -> list[Content]:
        out: list[Content] = []
        if not isinstance(content, dict):
            return out
        for mt, media in content.items():
            mloc = deref(self.ws, media, doc, join(pointer, mt))
            if mloc is None or not isinstance(mloc.value, dict) or not isinstance(mt, str):
                continue
            mv = mloc.value
            c = Content(mt)
            if isinstance(mv.get("schema"), (dict, bool)):
                c.schema = Located(mv["schema"], mloc.doc, join(mloc.pointer, "schema"))
            c.examples = self._examples(mv, mloc)
            if request and isinstance(mv.get("encoding"), dict):
                for prop, enc in mv["encoding"].items():
                    if isinstance(enc, dict):
                        style = enc.get("style") if isinstance(enc.get("style"), str) else None
                        explode = enc["explode"] if isinstance(enc.get("explode"), bool) else style in (None, "form")
                        c.encodings[prop] = Encoding(
                            style=style,
                            explode=explode,
                            allow_reserved=enc.get("allowReserved") is True,
                            content_type=enc.get("contentType") if isinstance(enc.get("contentType"), str) else None,
                        )
            out.append(c)
        return out

    def _examples(self, mv: dict[str, Any], mloc: Located) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        if "example" in mv:
            out.append(("default", mv["example"]))
        examples = mv.get("examples")
        if isinstance(examples, dict):
            for name, ex in examples.items():
                eloc = deref(self.ws, ex, mloc.doc, join(mloc.pointer, "examples", name))
                if eloc is not None and isinstance(eloc.value, dict) and "value" in eloc.value:
                    out.append((str(name), eloc.value["value"]))
        return out

    # -- responses -----------------------------------------------------------
    def _responses(self, op_node: Node) -> list[Response]:
        responses = op_node.get("responses")
        out: list[Response] = []
        if not isinstance(responses, dict):
            return out
        for code, raw in responses.items():
            code = str(code)
            if code.startswith("x-"):
                continue
            loc = deref(self.ws, raw, op_node.doc, join(op_node.pointer, "responses", code))
            if loc is None or not isinstance(loc.value, dict):
                continue
            resp = Response(code)
            if self.oas2:
                resp.contents = self._oas2_contents(op_node, loc)
            else:
                resp.contents = self._contents(loc.value.get("content"), loc.doc, join(loc.pointer, "content"))
            resp.headers = self._headers(loc)
            out.append(resp)
        return out

    def _oas2_contents(self, op_node: Node, loc: Located) -> list[Content]:
        value = loc.value
        schema = value.get("schema")
        schema_loc = Located(schema, loc.doc, join(loc.pointer, "schema")) if isinstance(schema, dict) else None
        examples = value.get("examples") if isinstance(value.get("examples"), dict) else {}
        media = self._media_types(op_node, "produces")
        for mt in examples:
            if isinstance(mt, str) and mt not in media:
                media.append(mt)
        if not media and schema_loc is not None:
            media = ["application/json"]
        return [
            Content(mt, schema_loc, [("default", examples[mt])] if mt in examples else [])
            for mt in dict.fromkeys(media)
        ]

    def _headers(self, loc: Located) -> list[Header]:
        headers = loc.value.get("headers")
        out: list[Header] = []
        if not isinstance(headers, dict):
            return out
        for name, raw in headers.items():
            hloc = deref(self.ws, raw, loc.doc, join(loc.pointer, "headers", name))
            if hloc is None or not isinstance(hloc.value, dict) or not isinstance(name, str):
                continue
            hv = hloc.value
            h = Header(name, required=hv.get("required") is True)
            if self.oas2:
                h.schema = hloc
                if "x-example" in hv:
                    h.examples.append(hv["x-example"])
            else:
                if isinstance(hv.get("schema"), (dict, bool)):
                    h.schema = Located(hv["schema"], hloc.doc, join(hloc.pointer, "schema"))
                h.examples = [v for _k, v in self._examples(hv, hloc)]
            out.append(h)
        return out

    # -- security ------------------------------------------------------------
    def _security(self, op_value: dict[str, Any]) -> list[list[SecurityScheme]]:
        requirements = op_value.get("security", self.data.get("security"))
        if not isinstance(requirements, list):
            return []
        out: list[list[SecurityScheme]] = []
        for req in requirements:
            if not isinstance(req, dict):
                continue
            group = [s for s in (self.scheme(name) for name in req) if s is not None]
            if not group and req:
                continue  # only unknown schemes: nothing to check
            out.append(group)
        if any(not g for g in out):
            return []  # an empty requirement makes security optional
        return out

    def scheme(self, name: str) -> SecurityScheme | None:
        raw = self.schemes.get(name)
        if raw is None:
            return None
        loc = deref(self.ws, raw, self.root, "")
        if loc is None or not isinstance(loc.value, dict):
            return None
        s = loc.value
        kind = s.get("type")
        if kind == "http":
            scheme = str(s.get("scheme", "")).lower()
            kind = scheme if scheme in ("basic", "bearer", "digest") else "http"
        elif kind == "apiKey":
            return SecurityScheme(name, "apiKey", str(s.get("in", "header")), str(s.get("name", "")))
        if kind not in ("basic", "bearer", "digest", "http", "oauth2", "openIdConnect", "mutualTLS"):
            return None
        return SecurityScheme(name, str(kind))
