"""The operations of a contract as template data for the FastAPI server.

Everything here is Python source already made safe: names come from the IR
(`naming` identifiers), text and values from `naming.string`/`literal`/`docstring`,
types from `ModelsModule.annotation`. Templates only place these strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from apictl.gen.ir import ApiIR, Operation, Parameter, SchemaRef
from apictl.gen.models import ModelsModule
from apictl.gen.naming import Namer, comment, docstring, literal, string, summary_line

FASTAPI_PARAMS = {"path": "Path", "query": "Query", "header": "Header", "cookie": "Cookie"}
# the only names a parameter type may use: FastAPI reads anything else (a model) from the body
_SCALAR_TYPES = re.compile(r"^(?:int|str|float|bool|None|list|[\[\]|, ]+)+$")
_JSON = re.compile(r"^application/(?:[\w.+-]*\+)?json$")
# route-level names a parameter must not take
ROUTE_NAMES = ("impl", "request", "result", "self", "Annotated", "Any", "Response", "models", "typing")


@dataclass
class RouteParam:
    python_name: str
    location: str
    route_annotation: str  # Annotated[...] with FastAPI's Path/Query/Header/Cookie and constraints
    interface_annotation: str
    default: str | None  # Python source, or None when required


@dataclass
class Route:
    name: str
    method: str  # lower case
    path: str  # a string literal; path parameters renamed to their Python names
    operation_id: str  # a string literal
    summary: str  # a string literal
    doc: str  # docstring literal for a method body (8 spaces), or ""
    params: list[RouteParam] = field(default_factory=list)
    body_name: str | None = None
    body_route_annotation: str = ""
    body_interface_annotation: str = ""
    body_default: str | None = None
    raw_body: bool = False  # not JSON: the handler gets the bytes
    status_code: int = 200
    response_model: str = "None"
    returns: str = "None"  # what the interface method returns besides a Response
    raw_media: str = ""  # a string literal: the media type of a non-JSON success body (bytes)
    markdown_path: str = ""
    responses: str = "{}"  # `responses=` for the OpenAPI FastAPI publishes (errors, other successes)
    deprecated: bool = False
    security: str = ""  # `security.requires(...)` arguments: one tuple of scheme names per alternative

    @property
    def signature_params(self) -> list[tuple[str, str, str | None]]:
        """(name, interface annotation, default) in a valid order: required before defaulted."""
        out = [(p.python_name, p.interface_annotation, p.default) for p in self.params]
        if self.body_name:
            out.append((self.body_name, self.body_interface_annotation, self.body_default))
        return sorted(out, key=lambda item: item[2] is not None)

    @property
    def route_params(self) -> list[tuple[str, str, str | None]]:
        out = [(p.python_name, p.route_annotation, p.default) for p in self.params]
        if self.body_name and not self.raw_body:
            out.append((self.body_name, self.body_route_annotation, self.body_default))
        return sorted(out, key=lambda item: item[2] is not None)

    @property
    def call_args(self) -> list[str]:
        names = [p.python_name for p in self.params] + ([self.body_name] if self.body_name else [])
        return [f"{n}={n}" for n in names]


@dataclass
class RouterGroup:
    module: str  # routers/<module>.py and handlers/<module>.py
    interface: str  # class name in api.py
    handler_class: str
    tag: str  # a string literal
    doc: str
    routes: list[Route] = field(default_factory=list)


def groups(ir: ApiIR, models: ModelsModule) -> list[RouterGroup]:
    out: list[RouterGroup] = []
    modules = Namer({"__init__", "app", "api", "models", "problems", "routers", "handlers"})
    for group in ir.groups:
        module = modules.claim(group.python_name)
        base = group.class_name.removesuffix("Api") or "Default"
        out.append(
            RouterGroup(
                module=module,
                interface=group.class_name,
                handler_class=f"{base}Handlers",
                tag=string(group.tag),
                doc=docstring(group.description or f"Operations tagged {group.tag}.", " " * 4),
                routes=[_route(op, models, ir) for op in group.operations],
            )
        )
    return out


def _route(op: Operation, models: ModelsModule, ir: ApiIR) -> Route:
    route = Route(
        name=op.python_name,
        method=op.method.lower(),
        path=string(_starlette_path(op)),
        operation_id=string(op.operation_id or op.python_name),
        summary=string(summary_line(op.summary)),
        doc=docstring("\n\n".join(t for t in (op.summary, op.description) if t), " " * 8),
        deprecated=op.deprecated,
        markdown_path=comment(op.path, 200).replace("`", "'"),
    )
    names = Namer(ROUTE_NAMES)
    for p in op.parameters:
        route.params.append(_param(p, names.claim(p.python_name), models))
    if op.request_body and op.request_body.contents:
        _body(route, op, names.claim("body"), models)
    _responses(route, op, models)
    alternatives = ir.security_for(op)
    if alternatives and all(alternatives):  # an empty alternative lets anyone in
        route.security = ", ".join(_tuple([string(k) for k in sorted(a)]) for a in alternatives)
    return route


def _tuple(items: list[str]) -> str:
    return f"({items[0]},)" if len(items) == 1 else "(" + ", ".join(items) + ")"


def security_schemes(ir: ApiIR) -> list[tuple[str, str, str]]:
    """(name, where, credential name) string literals for `security.py`'s table: http schemes
    by their Authorization scheme (OAuth2 and OpenID Connect send bearer tokens), API keys by
    their location and name; mutual TLS is not visible to the application."""
    out = []
    for s in ir.security_schemes:
        if s.type == "http":
            where, name = "http", (s.scheme or "bearer").lower()
        elif s.type in ("oauth2", "openIdConnect"):
            where, name = "http", "bearer"
        elif s.type == "apiKey" and s.location in ("header", "query", "cookie"):
            where, name = s.location, s.name
        else:
            where, name = "unchecked", ""
        out.append((string(s.key), string(where), string(name)))
    return out


def _starlette_path(op: Operation) -> str:
    """Starlette matches `{name}` only for identifiers: use each path parameter's Python name."""
    path = op.path
    for p in op.parameters:
        if p.location == "path":
            path = path.replace("{" + p.name + "}", "{" + p.python_name + "}")
    return path


def _param(p: Parameter, name: str, models: ModelsModule) -> RouteParam:
    schema = p.schema.value if p.schema is not None and isinstance(p.schema.value, dict) else {}
    annotation = models.annotation(p.schema, role="request") if p.media_type is None else "str"
    if not (_SCALAR_TYPES.match(annotation) or annotation.startswith("typing.Literal[")):
        annotation = _enum_literal(schema) or "str"  # objects (deepObject, content) arrive as text
    required = p.required or p.location == "path"
    default: str | None = None
    if not required:
        has_default = p.has_default and _fits(p.default, annotation)
        default = literal(p.default) if has_default else "None"
        if not has_default and not annotation.endswith("| None"):
            annotation = f"{annotation} | None"
    args = [] if p.location == "path" else [f"alias={string(p.name)}"]
    args += _constraints(schema)
    if p.description:
        args.append(f"description={string(p.description)}")
    if p.deprecated:
        args.append("deprecated=True")
    route_annotation = f"Annotated[{annotation}, {FASTAPI_PARAMS[p.location]}({', '.join(args)})]"
    return RouteParam(name, p.location, route_annotation, annotation, default)


def _body(route: Route, op: Operation, name: str, models: ModelsModule) -> None:
    assert op.request_body is not None
    json_body = next((c for c in op.request_body.contents if _JSON.match(c.media_type)), None)
    route.body_name = name
    if json_body is None:
        route.raw_body = True
        route.body_interface_annotation = "bytes"
        return
    annotation = models.annotation(json_body.schema, role="request")
    if op.request_body.required:
        route.body_route_annotation = f"Annotated[{annotation}, Body()]"
        route.body_interface_annotation = annotation
    else:
        route.body_route_annotation = f"Annotated[{annotation} | None, Body()]"
        route.body_interface_annotation = f"{annotation} | None"
        route.body_default = "None"


def _responses(route: Route, op: Operation, models: ModelsModule) -> None:
    successes = [r for r in op.responses if r.is_success]
    first = successes[0] if successes else None
    if first is not None:
        route.status_code = _status(first.status, 200)
        payload = next((c for c in first.contents if _JSON.match(c.media_type)), None)
        if payload is not None:
            route.response_model = models.annotation(payload.schema)
            route.returns = route.response_model
        elif first.contents:
            route.returns = "bytes"
            route.raw_media = string(first.contents[0].media_type)
    documented = []
    for r in op.responses:
        if r is first or not r.status[:1].isdigit():
            continue
        entry = [f'"description": {string(summary_line(r.description, 200))}']
        payload = next((c for c in r.contents if _JSON.match(c.media_type) or c.media_type.endswith("+json")), None)
        if payload is not None and (model := models.annotation(payload.schema)) != "typing.Any":
            entry.append(f'"model": {model}')
        documented.append(f"{_status(r.status, 500)}: {{{', '.join(entry)}}}")
    route.responses = "{" + ", ".join(documented) + "}"


def _status(status: str, fallback: int) -> int:
    if status.isdigit():
        return int(status)
    if len(status) == 3 and status[0].isdigit() and status[1:].upper() == "XX":
        return int(status[0]) * 100
    return fallback


def _constraints(schema: dict[str, Any]) -> list[str]:
    """FastAPI/pydantic validation arguments for a parameter schema's simple constraints."""
    out = []
    for key, arg in (("minimum", "ge"), ("maximum", "le"), ("minLength", "min_length"), ("maxLength", "max_length")):
        value = schema.get(key)
        if _number(value):
            exclusive = schema.get("exclusive" + key[:1].upper() + key[1:]) is True and key in ("minimum", "maximum")
            out.append(f"{('gt' if arg == 'ge' else 'lt') if exclusive else arg}={literal(value)}")
    for key, arg in (("exclusiveMinimum", "gt"), ("exclusiveMaximum", "lt")):
        if _number(schema.get(key)):
            out.append(f"{arg}={literal(schema[key])}")
    for key, arg in (("minItems", "min_length"), ("maxItems", "max_length")):
        if _number(schema.get(key)) and schema.get("type") == "array":
            out.append(f"{arg}={literal(schema[key])}")
    return out


def _enum_literal(schema: dict[str, Any]) -> str | None:
    values = schema.get("enum")
    if isinstance(values, list) and values and all(isinstance(v, str) for v in values):
        return "typing.Literal[" + ", ".join(literal(v) for v in values) + "]"
    return None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_DEFAULT_TYPES: dict[str, tuple[type, ...]] = {"int": (int,), "float": (int, float), "str": (str,), "bool": (bool,)}


def _fits(value: Any, annotation: str) -> bool:
    """Is `value` a default mypy accepts for `annotation` (so a contract's wrong default is dropped)?"""
    if annotation.startswith("typing.Literal["):
        return isinstance(value, str) and literal(value) in annotation
    kinds = _DEFAULT_TYPES.get(annotation)
    if kinds is None or (isinstance(value, bool) and bool not in kinds):
        return False
    return isinstance(value, kinds)


def uses(groups_: list[RouterGroup], token: str, *, in_routes: bool = False) -> bool:
    """Does a type in `groups_` mention `token` (to import only what is used)? The interface
    signatures' types, or with `in_routes` what the routers write."""
    texts = _route_texts if in_routes else _signature_texts
    return any(token in text for g in groups_ for r in g.routes for text in texts(r))


def _signature_texts(route: Route) -> list[str]:
    return [*(p.interface_annotation for p in route.params), route.body_interface_annotation, route.returns]


def _route_texts(route: Route) -> list[str]:
    params = [p.route_annotation for p in route.params]
    return [*params, route.body_route_annotation, route.response_model, route.responses]


__all__ = ["Route", "RouteParam", "RouterGroup", "SchemaRef", "groups", "uses"]
