"""The operation IR generators share: an OpenAPI 2.0 / 3.0 / 3.1 / 3.2 contract
(loaded through core.loader and resolved through the `Workspace`) turned into
plain values — operations with Python names grouped by tag, parameters, request
bodies per media type, responses per status, security schemes and requirements,
servers with variables. Version differences end here; generators never branch
on the OpenAPI version.

Schemas stay as `SchemaRef`s (the value and where it is written); `models.py`
turns them into pydantic models and tells generators the type name for each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apictl.core.document import Document
from apictl.core.errors import InputError
from apictl.core.pointer import join
from apictl.core.refs import RefError, Workspace
from apictl.gen.ir_types import (
    DEFAULT_STYLES,
    IDEMPOTENT_METHODS,
    ApiIR,
    Group,
    Header,
    MediaBody,
    OAuthFlow,
    Operation,
    Parameter,
    RequestBody,
    Response,
    SchemaRef,
    SecurityScheme,
    Server,
    ServerVariable,
)
from apictl.gen.naming import KEYWORDS, Namer, pascal, snake
from apictl.specs.openapi.access import COLLECTION_STYLES, components, deref, param_key
from apictl.specs.openapi.model import HTTP_METHODS
from apictl.specs.openapi.version import detect

__all__ = [
    "DEFAULT_STYLES",
    "IDEMPOTENT_METHODS",
    "SchemaRef",
    "Parameter",
    "MediaBody",
    "RequestBody",
    "Header",
    "Response",
    "OAuthFlow",
    "SecurityScheme",
    "ServerVariable",
    "Server",
    "Operation",
    "Group",
    "ApiIR",
    "build_ir",
    "load_workspace",
]


# -- loading --------------------------------------------------------------------


def load_workspace(path: Path, ref_root: Path | None = None, allow_remote: bool = False) -> Workspace:
    """Load an OpenAPI contract; InputError (one line, located) when it is not one."""
    from apictl.core.loader import load_file
    from apictl.gen.structure import check_structure

    doc = load_file(Path(path))
    doc.kind = detect(doc.data, doc.uri)
    check_structure(doc)
    root_dir = ref_root if ref_root is not None else (doc.path.parent if doc.path is not None else None)
    return Workspace(doc, root_dir=root_dir, allow_remote=allow_remote)


def build_ir(source: Workspace | Path | str) -> ApiIR:
    ws = source if isinstance(source, Workspace) else load_workspace(Path(source))
    return _Builder(ws).build()


class _Builder:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.doc = ws.root
        data = ws.root.data
        if not isinstance(data, dict):
            raise InputError("not an OpenAPI document: the top level is not a mapping", uri=self.doc.uri)
        self.data: dict[str, Any] = data
        self.version = self.doc.kind if self.doc.kind in ("oas2", "oas3.0", "oas3.1", "oas3.2") else ""
        if not self.version:
            self.version = detect(data, self.doc.uri)
        self.oas2 = self.version == "oas2"

    def build(self) -> ApiIR:
        info = self.data.get("info") if isinstance(self.data.get("info"), dict) else {}
        assert isinstance(info, dict)
        schemes = self._security_schemes()
        operations = self._operations()
        security = _requirements(self.data.get("security")) or []
        section = components(self.data, self.version).get("schemas")
        schemas: dict[str, SchemaRef] = {}
        if section is not None:
            pointer, mapping = section
            for name, value in mapping.items():
                if isinstance(name, str):
                    schemas[name] = SchemaRef(value, self.doc, join(pointer, name))
        return ApiIR(
            ws=self.ws,
            version=self.version,
            title=_text(info.get("title")) or "API",
            api_version=_text(info.get("version")),
            description=_text(info.get("description")),
            operations=operations,
            groups=self._groups(operations),
            security_schemes=schemes,
            security=security,
            servers=self._servers(),
            schemas=schemas,
        )

    # -- operations ---------------------------------------------------------------
    def _operations(self) -> list[Operation]:
        paths = self.data.get("paths")
        if paths is None:
            return []
        if not isinstance(paths, dict):
            raise InputError("'paths' must be a mapping of path templates to Path Items", uri=self.doc.uri)
        ops: list[Operation] = []
        namer = Namer()
        for template, item in paths.items():
            if not isinstance(template, str) or not template.startswith("/"):
                continue
            loc = self._deref(item, self.doc, join("/paths", template))
            if loc is None or not isinstance(loc[0], dict):
                continue
            item_value, item_doc, item_pointer = loc
            for method in HTTP_METHODS:
                op_value = item_value.get(method)
                if isinstance(op_value, dict):
                    ops.append(
                        self._operation(template, method, op_value, item_value, item_doc, join(item_pointer, method))
                    )
        # Names: operationId when present, else method + path; unique in document order.
        for op in ops:
            base = snake(op.operation_id, fallback="operation") if op.operation_id else _name_from_path(op)
            op.python_name = namer.claim(base)
        return ops

    def _operation(
        self, path: str, method: str, op: dict[str, Any], item: dict[str, Any], doc: Document, pointer: str
    ) -> Operation:
        tags = [t for t in op.get("tags", []) if isinstance(t, str)] if isinstance(op.get("tags"), list) else []
        op_id = op.get("operationId")
        raw_params = self._raw_parameters(op, item, doc, pointer)
        params: list[Parameter] = []
        body: RequestBody | None = None
        if self.oas2:
            params, body = self._oas2_params(op, raw_params)
        else:
            params = [self._oas3_param(v, d, p) for v, d, p in raw_params]
            body = self._oas3_body(op.get("requestBody"), doc, join(pointer, "requestBody"))
        pnamer = Namer({"self", "body"})
        for prm in params:
            prm.python_name = pnamer.claim(snake(prm.name, fallback="param", prefix="p"))
        return Operation(
            method=method.upper(),
            path=path,
            operation_id=op_id if isinstance(op_id, str) and op_id.strip() else None,
            python_name="",
            tag=tags[0] if tags else "default",
            tags=tags,
            summary=_text(op.get("summary")),
            description=_text(op.get("description")),
            deprecated=op.get("deprecated") is True,
            parameters=params,
            request_body=body,
            responses=self._responses(op, doc, pointer),
            security=_requirements(op.get("security")) if "security" in op else None,
            pointer=pointer,
            extensions={k: v for k, v in op.items() if isinstance(k, str) and k.startswith("x-")},
        )

    def _raw_parameters(
        self, op: dict[str, Any], item: dict[str, Any], doc: Document, pointer: str
    ) -> list[tuple[dict[str, Any], Document, str]]:
        """The operation's parameters, then the path item's it does not override."""
        own: list[tuple[dict[str, Any], Document, str]] = []
        for i, p in enumerate(op.get("parameters") or [] if isinstance(op.get("parameters"), list) else []):
            loc = self._deref(p, doc, join(pointer, "parameters", i))
            if loc is not None and isinstance(loc[0], dict) and isinstance(loc[0].get("name"), str):
                own.append(loc)
        seen = {param_key(v) for v, _, _ in own}
        item_pointer = pointer.rsplit("/", 1)[0]
        inherited = item.get("parameters") if isinstance(item.get("parameters"), list) else []
        for i, p in enumerate(inherited or []):
            loc = self._deref(p, doc, join(item_pointer, "parameters", i))
            if loc is not None and isinstance(loc[0], dict) and isinstance(loc[0].get("name"), str):
                if param_key(loc[0]) not in seen:
                    own.append(loc)
        return own

    def _oas3_param(self, value: dict[str, Any], doc: Document, pointer: str) -> Parameter:
        where = value.get("in") if value.get("in") in DEFAULT_STYLES else "query"
        assert isinstance(where, str)
        style = value.get("style") if isinstance(value.get("style"), str) else DEFAULT_STYLES[where]
        assert isinstance(style, str)
        explode = value.get("explode")
        schema = self._schema(value.get("schema"), doc, join(pointer, "schema"))
        media_type = None
        content = value.get("content")
        if schema is None and isinstance(content, dict) and content:
            media_type, media = next(iter(content.items()))
            if isinstance(media, dict):
                schema = self._schema(media.get("schema"), doc, join(pointer, "content", media_type, "schema"))
        default, has_default = _default_of(schema)
        return Parameter(
            name=value["name"],
            location=where,
            python_name="",
            required=value.get("required") is True or where == "path",
            style=style,
            explode=explode if isinstance(explode, bool) else style == "form",
            schema=schema,
            description=_text(value.get("description")),
            deprecated=value.get("deprecated") is True,
            allow_reserved=value.get("allowReserved") is True,
            media_type=media_type,
            default=default,
            has_default=has_default,
        )

    def _oas3_body(self, body: Any, doc: Document, pointer: str) -> RequestBody | None:
        if body is None:
            return None
        loc = self._deref(body, doc, pointer)
        if loc is None or not isinstance(loc[0], dict):
            return None
        value, bdoc, bpointer = loc
        return RequestBody(
            required=value.get("required") is True,
            contents=self._contents(value.get("content"), bdoc, join(bpointer, "content")),
            description=_text(value.get("description")),
        )

    def _contents(self, content: Any, doc: Document, pointer: str) -> list[MediaBody]:
        out: list[MediaBody] = []
        if not isinstance(content, dict):
            return out
        for media_type, media in content.items():
            loc = self._deref(media, doc, join(pointer, media_type))
            if loc is None or not isinstance(loc[0], dict) or not isinstance(media_type, str):
                continue
            mv, mdoc, mpointer = loc
            encoding = mv.get("encoding") if isinstance(mv.get("encoding"), dict) else {}
            assert isinstance(encoding, dict)
            out.append(
                MediaBody(
                    media_type,
                    self._schema(mv.get("schema"), mdoc, join(mpointer, "schema")),
                    {k: v for k, v in encoding.items() if isinstance(k, str) and isinstance(v, dict)},
                )
            )
        return out

    def _oas2_params(
        self, op: dict[str, Any], raw: list[tuple[dict[str, Any], Document, str]]
    ) -> tuple[list[Parameter], RequestBody | None]:
        params: list[Parameter] = []
        body: RequestBody | None = None
        form: list[tuple[dict[str, Any], Document, str]] = []
        consumes = _media_list(op.get("consumes"), self.data.get("consumes")) or ["application/json"]
        for value, doc, pointer in raw:
            where = value.get("in")
            if where == "body":
                schema = self._schema(value.get("schema"), doc, join(pointer, "schema"))
                json_types = [c for c in consumes if "json" in c] or consumes
                body = RequestBody(
                    required=value.get("required") is True,
                    contents=[MediaBody(mt, schema) for mt in json_types],
                    description=_text(value.get("description")),
                )
            elif where == "formData":
                form.append((value, doc, pointer))
            elif where in DEFAULT_STYLES:
                fmt = value.get("collectionFormat", "csv") if value.get("type") == "array" else "csv"
                style, explode = COLLECTION_STYLES.get(fmt, ("form", False))
                if where in ("path", "header"):
                    style, explode = "simple", False
                schema_value = {k: v for k, v in value.items() if k not in ("name", "in", "required", "description")}
                schema = SchemaRef(schema_value, doc, pointer)
                default, has_default = _default_of(schema)
                params.append(
                    Parameter(
                        name=value["name"],
                        location=where,
                        python_name="",
                        required=value.get("required") is True or where == "path",
                        style=style,
                        explode=explode,
                        schema=schema,
                        description=_text(value.get("description")),
                        default=default,
                        has_default=has_default,
                    )
                )
        if form:
            props: dict[str, Any] = {}
            required: list[str] = []
            has_file = False
            for value, _doc, _pointer in form:
                prop = {k: v for k, v in value.items() if k not in ("name", "in", "required", "collectionFormat")}
                if prop.get("type") == "file":
                    prop = {"type": "string", "format": "binary"}
                    has_file = True
                props[value["name"]] = prop
                if value.get("required") is True:
                    required.append(value["name"])
            form_schema: dict[str, Any] = {"type": "object", "properties": props}
            if required:
                form_schema["required"] = required
            first = form[0]
            media = "multipart/form-data" if has_file or "multipart/form-data" in consumes else None
            media = media or next((c for c in consumes if "form" in c), "application/x-www-form-urlencoded")
            body = RequestBody(
                required=bool(required),
                contents=[MediaBody(media, SchemaRef(form_schema, first[1], first[2].rsplit("/", 1)[0]))],
            )
        return params, body

    def _responses(self, op: dict[str, Any], doc: Document, pointer: str) -> list[Response]:
        responses = op.get("responses")
        out: list[Response] = []
        if not isinstance(responses, dict):
            return out
        produces = _media_list(op.get("produces"), self.data.get("produces")) or ["application/json"]
        for status, resp in responses.items():
            status = str(status)
            if not (status == "default" or (len(status) == 3 and status[0] in "12345")):
                continue
            loc = self._deref(resp, doc, join(pointer, "responses", status))
            if loc is None or not isinstance(loc[0], dict):
                continue
            value, rdoc, rpointer = loc
            if self.oas2:
                schema = self._schema(value.get("schema"), rdoc, join(rpointer, "schema"))
                contents = [MediaBody(mt, schema) for mt in produces] if schema is not None else []
            else:
                contents = self._contents(value.get("content"), rdoc, join(rpointer, "content"))
            out.append(
                Response(
                    status=status.upper() if status != "default" else status,
                    description=_text(value.get("description")),
                    contents=contents,
                    headers=self._headers(value.get("headers"), rdoc, join(rpointer, "headers")),
                )
            )
        return out

    def _headers(self, headers: Any, doc: Document, pointer: str) -> list[Header]:
        out: list[Header] = []
        if not isinstance(headers, dict):
            return out
        for name, header in headers.items():
            loc = self._deref(header, doc, join(pointer, name))
            if loc is None or not isinstance(loc[0], dict) or not isinstance(name, str):
                continue
            hv, hdoc, hpointer = loc
            schema: SchemaRef | None
            if self.oas2:
                schema = SchemaRef({k: v for k, v in hv.items() if k != "description"}, hdoc, hpointer)
            else:
                schema = self._schema(hv.get("schema"), hdoc, join(hpointer, "schema"))
            out.append(Header(name, schema, hv.get("required") is True, _text(hv.get("description"))))
        return out

    # -- security, servers, groups ---------------------------------------------------
    def _security_schemes(self) -> list[SecurityScheme]:
        section = components(self.data, self.version).get("securitySchemes")
        if section is None:
            return []
        pointer, mapping = section
        out: list[SecurityScheme] = []
        namer = Namer()
        for key, value in mapping.items():
            loc = self._deref(value, self.doc, join(pointer, key))
            if loc is None or not isinstance(loc[0], dict) or not isinstance(key, str):
                continue
            v = loc[0]
            kind = v.get("type") if isinstance(v.get("type"), str) else ""
            assert isinstance(kind, str)
            scheme = SecurityScheme(key, namer.claim(snake(key, fallback="auth")), kind)
            scheme.description = _text(v.get("description"))
            if kind == "basic":  # 2.0
                scheme.type, scheme.scheme = "http", "basic"
            elif kind == "http":
                scheme.scheme = _text(v.get("scheme")).lower()
                scheme.bearer_format = _text(v.get("bearerFormat"))
            elif kind == "apiKey":
                scheme.name = _text(v.get("name"))
                scheme.location = _text(v.get("in")) or "header"
            elif kind == "oauth2":
                scheme.flows = self._flows(v)
            elif kind == "openIdConnect":
                scheme.open_id_connect_url = _text(v.get("openIdConnectUrl"))
            out.append(scheme)
        return out

    def _flows(self, v: dict[str, Any]) -> list[OAuthFlow]:
        if self.oas2:
            names = {"application": "clientCredentials", "accessCode": "authorizationCode"}
            kind = names.get(_text(v.get("flow")), _text(v.get("flow")))
            scopes = v.get("scopes") if isinstance(v.get("scopes"), dict) else {}
            assert isinstance(scopes, dict)
            return [
                OAuthFlow(
                    kind,
                    _text(v.get("tokenUrl")),
                    _text(v.get("authorizationUrl")),
                    "",
                    {str(k): _text(d) for k, d in scopes.items()},
                )
            ]
        flows = v.get("flows") if isinstance(v.get("flows"), dict) else {}
        assert isinstance(flows, dict)
        out = []
        for kind, f in flows.items():
            if not isinstance(f, dict):
                continue
            scopes = f.get("scopes") if isinstance(f.get("scopes"), dict) else {}
            assert isinstance(scopes, dict)
            out.append(
                OAuthFlow(
                    str(kind),
                    _text(f.get("tokenUrl")),
                    _text(f.get("authorizationUrl")),
                    _text(f.get("refreshUrl")),
                    {str(k): _text(d) for k, d in scopes.items()},
                )
            )
        return out

    def _servers(self) -> list[Server]:
        if self.oas2:
            host = self.data.get("host")
            base = _text(self.data.get("basePath"))
            if not isinstance(host, str):
                return [Server(base or "/")] if base else []
            schemes = [s for s in self.data.get("schemes") or ["https"] if isinstance(s, str)]
            return [Server(f"{s}://{host}{base}") for s in schemes]
        servers = self.data.get("servers")
        out: list[Server] = []
        if not isinstance(servers, list):
            return out
        for s in servers:
            if not isinstance(s, dict) or not isinstance(s.get("url"), str):
                continue
            variables = []
            raw = s.get("variables") if isinstance(s.get("variables"), dict) else {}
            assert isinstance(raw, dict)
            for name, var in raw.items():
                if isinstance(var, dict) and isinstance(name, str):
                    enum = [str(e) for e in var.get("enum", []) if isinstance(e, (str, int, float))]
                    variables.append(
                        ServerVariable(name, _text(var.get("default")), enum, _text(var.get("description")))
                    )
            out.append(Server(s["url"], _text(s.get("description")), variables))
        return out

    def _groups(self, ops: list[Operation]) -> list[Group]:
        descriptions = {}
        for t in self.data.get("tags") or [] if isinstance(self.data.get("tags"), list) else []:
            if isinstance(t, dict) and isinstance(t.get("name"), str):
                descriptions[t["name"]] = _text(t.get("description"))
        by_tag: dict[str, list[Operation]] = {}
        for op in ops:
            by_tag.setdefault(op.tag, []).append(op)
        attr_namer, class_namer = Namer(), Namer()
        return [
            Group(
                tag,
                attr_namer.claim(snake(tag, fallback="default", prefix="tag", reserved=KEYWORDS)),
                class_namer.claim(pascal(tag, fallback="Default", prefix="Tag") + "Api"),
                descriptions.get(tag, ""),
                members,
            )
            for tag, members in by_tag.items()
        ]

    # -- helpers ---------------------------------------------------------------------
    def _deref(self, value: Any, doc: Document, pointer: str) -> tuple[Any, Document, str] | None:
        if not (isinstance(value, dict) and isinstance(value.get("$ref"), str)):
            loc = deref(self.ws, value, doc, pointer)
            return None if loc is None else (loc.value, loc.doc, loc.pointer)
        try:  # resolve once; `deref` would swallow the error we report
            target = self.ws.resolve(value["$ref"], doc)
        except RefError as exc:
            raise InputError(f"broken $ref at {pointer}: {exc}", uri=doc.uri) from None
        return target.value, target.doc, target.pointer

    def _schema(self, value: Any, doc: Document, pointer: str) -> SchemaRef | None:
        if isinstance(value, bool):
            return SchemaRef({} if value else {"not": {}}, doc, pointer)
        if not isinstance(value, dict):
            return None
        return SchemaRef(value, doc, pointer)


def _requirements(value: Any) -> list[dict[str, list[str]]] | None:
    if not isinstance(value, list):
        return None
    out = []
    for req in value:
        if isinstance(req, dict):
            out.append({str(k): [str(s) for s in v] if isinstance(v, list) else [] for k, v in req.items()})
    return out


def _media_list(*candidates: Any) -> list[str]:
    for c in candidates:
        if isinstance(c, list):
            return [m for m in c if isinstance(m, str)]
    return []


def _default_of(schema: SchemaRef | None) -> tuple[Any, bool]:
    if schema is not None and isinstance(schema.value, dict) and "default" in schema.value:
        return schema.value["default"], True
    return None, False


def _name_from_path(op: Operation) -> str:
    words = [op.method.lower()]
    for segment in op.path.split("/"):
        if segment.startswith("{") and segment.endswith("}"):
            words.append("by_" + segment[1:-1])
        elif segment:
            words.append(segment)
    return snake("_".join(words), fallback=op.method.lower())


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)
