"""The Python client SDK generator: an installable package on httpx with sync
and async clients, one method per operation grouped by tag, pydantic v2 models.

`generate_sdk` is pure: IR + models in, `GeneratedFile`s out. Everything the
templates print from the contract goes through `naming` (identifiers) or the
`pystr`/`doc`/`comment` filters (text), so no name or description can become
code. Templates ship in `templates/python_sdk/`; `--templates DIR` overrides any
of them by file name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.gen.ir import ApiIR, MediaBody, Operation, Response, SchemaRef
from apictl.gen.models import ModelsModule, build_models
from apictl.gen.naming import Namer, clean_text, pascal, snake, summary_line
from apictl.gen.output import GeneratedFile
from apictl.gen.paging import Paging, detect_paging
from apictl.gen.render import check_user_python, render_env

CLIENT_KWARGS = (
    "base_url",
    "server_index",
    "server_variables",
    "timeout",
    "retry",
    "headers",
    "http_client",
    "transport",
)
HTTP_REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    416: "Range Not Satisfiable",
    417: "Expectation Failed",
    418: "I'm a teapot",
    421: "Misdirected Request",
    422: "Unprocessable Content",
    423: "Locked",
    424: "Failed Dependency",
    425: "Too Early",
    426: "Upgrade Required",
    428: "Precondition Required",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
    507: "Insufficient Storage",
    508: "Loop Detected",
    511: "Network Authentication Required",
}
PEP440_SIMPLE = re.compile(r"^\d+(\.\d+){0,3}((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?$")
BODY_PREFERENCE = ("json", "form", "multipart", "bytes", "text")
RESPONSE_PREFERENCE = ("json", "sse", "text", "bytes", "form", "multipart")


@dataclass
class Arg:
    python_name: str
    annotation: str
    required: bool
    positional: bool = False


@dataclass
class ParamView:
    name: str
    location: str
    python_name: str
    style: str
    explode: bool
    allow_reserved: bool
    media_type: str | None


@dataclass
class ExpectView:
    status: str
    kind: str
    type: str  # a type expression or "None"


@dataclass
class OperationView:
    op: Operation
    name: str
    args: list[Arg]
    params: list[ParamView]
    body_kind: str
    body_media: str
    deep_fields: list[str]
    returns: str
    expects: list[ExpectView]
    security: list[list[str]]
    stream: bool
    idempotency_kwarg: bool
    paging: Paging | None = None
    iter_name: str = ""
    item_type: str = "typing.Any"
    errors: list[str] = field(default_factory=list)
    doc: str = ""


def generate_sdk(
    ir: ApiIR,
    *,
    package_name: str | None = None,
    templates: Path | None = None,
    models: ModelsModule | None = None,
) -> list[GeneratedFile]:
    package = package_name or _package_name(ir.title)
    pagings = {op.pointer: detect_paging(op, ir.ws) for op in ir.operations}
    extra = {f"{op.python_name}-item": p.item_schema for op in ir.operations if (p := pagings[op.pointer])}
    models = models or build_models(ir, extra=extra)
    env = render_env("python_sdk", templates)
    schemes = _schemes(ir)
    scheme_keys = {s["key"] for s in schemes}
    groups = []
    group_namer = Namer({"close", "aclose"})
    errors: dict[int, dict[str, Any]] = {}
    for group in ir.groups:
        method_namer = Namer(op.python_name for op in group.operations)
        views = [
            _operation_view(ir, op, models, pagings[op.pointer], method_namer, scheme_keys) for op in group.operations
        ]
        for op in group.operations:
            for r in op.responses:
                if r.status.isdigit() and int(r.status) >= 400:
                    errors.setdefault(int(r.status), _error_view(int(r.status)))
        groups.append(
            {
                "attr": group_namer.claim(group.python_name),
                "module": group.python_name,
                "class_name": group.class_name,
                "tag": group.tag,
                "description": group.description,
                "operations": views,
                "uses_models": any(_uses_models(v) for v in views),
            }
        )
    server = ir.servers[0] if ir.servers else None
    context = {
        "ir": ir,
        "package": package,
        "project": package.replace("_", "-"),
        "title": ir.title,
        "version": ir.api_version,
        "package_version": ir.api_version if PEP440_SIMPLE.match(ir.api_version) else "0.1.0",
        "description": ir.description,
        "groups": groups,
        "schemes": schemes,
        "errors": [errors[k] for k in sorted(errors)],
        "server_url": server.url if server else "",
        "server_defaults": {v.name: v.default for v in server.variables} if server else {},
        "servers": [{"url": s.url, "defaults": {v.name: v.default for v in s.variables}} for s in ir.servers],
        "init_doc": _init_doc(schemes),
    }
    files = [
        GeneratedFile("pyproject.toml", env.get_template("pyproject.toml.jinja").render(context)),
        GeneratedFile("README.md", env.get_template("README.md.jinja").render(context)),
        GeneratedFile(f"{package}/__init__.py", env.get_template("__init__.py.jinja").render(context)),
        GeneratedFile(f"{package}/py.typed", ""),
        GeneratedFile(f"{package}/models.py", models.source),
        GeneratedFile(f"{package}/errors.py", env.get_template("errors.py.jinja").render(context)),
        GeneratedFile(f"{package}/_runtime.py", env.get_template("_runtime.py.jinja").render(context)),
        GeneratedFile(f"{package}/_base.py", env.get_template("_base.py.jinja").render(context)),
        GeneratedFile(f"{package}/client.py", env.get_template("client.py.jinja").render(context)),
        GeneratedFile(f"{package}/api/__init__.py", '"""One module per tag of the contract."""\n'),
    ]
    group_template = env.get_template("api_group.py.jinja")
    for view in groups:
        files.append(GeneratedFile(f"{package}/api/{view['module']}.py", group_template.render(context, group=view)))
    check_user_python(((f.path, f.content) for f in files), templates)
    return files


def _error_statuses(op: Operation) -> list[str]:
    return [r.status for r in op.responses if r.status.isdigit() and int(r.status) >= 400]


def _uses_models(v: OperationView) -> bool:
    types = [a.annotation for a in v.args] + [e.type for e in v.expects] + [v.returns, v.item_type]
    return any("models." in t for t in types)


def _init_doc(schemes: list[dict[str, Any]]) -> str:
    lines = [
        "Connect to `base_url` (default: the contract's first server, with",
        "`server_variables` filled in; `server_index` picks another of its servers).",
    ]
    if schemes:
        lines += ["", "Credentials, one argument per security scheme of the contract:", ""]
    for s in schemes:
        where = f" in {s['location']} {s['name']!r}" if s["kind"] == "apiKey" else ""
        about = f": {summary_line(s['description'], 80)}" if s["description"] else ""
        lines.append(f"- `{s['arg']}`: {s['kind']}{where}{about}")
    return "\n".join(lines)


def _package_name(title: str) -> str:
    name = snake(title, fallback="api", prefix="api")
    name = name.removesuffix("_")
    if not name.endswith("client"):
        name += "_client"
    return name


def _schemes(ir: ApiIR) -> list[dict[str, Any]]:
    namer = Namer(CLIENT_KWARGS)
    out = []
    for s in ir.security_schemes:
        if s.type == "http" and s.scheme == "basic":
            kind, annotation = "basic", "tuple[str, str] | None"
        elif s.type == "http" or s.type == "openIdConnect":
            kind, annotation = "bearer", "str | None"
        elif s.type == "apiKey":
            kind, annotation = "apiKey", "str | None"
        elif s.type == "oauth2":
            kind, annotation = "oauth2", "rt.OAuth2ClientCredentials | str | None"
        else:
            continue  # mutualTLS: configure the httpx client's certificates
        token_url = next((f.token_url for f in s.flows if f.kind == "clientCredentials"), "")
        out.append(
            {
                "key": s.key,
                "arg": namer.claim(s.python_name),
                "kind": kind,
                "name": s.name,
                "location": s.location,
                "token_url": token_url,
                "annotation": annotation,
                "description": s.description,
                "scheme": s,
            }
        )
    return out


def _operation_view(
    ir: ApiIR,
    op: Operation,
    models: ModelsModule,
    paging: Any,
    method_namer: Namer,
    scheme_keys: set[str],
) -> OperationView:
    args: list[Arg] = []
    params: list[ParamView] = []
    arg_namer = Namer({"self", "timeout", "extra_headers"})
    arg_names: dict[int, str] = {}
    for p in op.parameters:
        arg_names[id(p)] = arg_namer.claim(p.python_name)  # the IR stays as built (shared with other generators)
    path_params = [p for p in op.parameters if p.location == "path"]
    for p in path_params:
        args.append(Arg(arg_names[id(p)], models.annotation(p.schema, "request"), True, positional=True))
    body_kind, body_media, deep_fields = "", "", []
    if op.request_body is not None and op.request_body.contents:
        media = _pick_body(op.request_body.contents)
        body_kind, body_media = _body_kind(media), media.media_type
        if body_kind == "form":
            deep_fields = sorted(k for k, e in media.encoding.items() if e.get("style") == "deepObject")
        annotation = "bytes" if body_kind == "bytes" else models.annotation(media.schema, "request")
        if body_kind == "text" and annotation == "typing.Any":
            annotation = "str"
        args.append(Arg(arg_namer.claim("body"), annotation, op.request_body.required, positional=True))
    for p in op.parameters:
        if p.location != "path":
            args.append(Arg(arg_names[id(p)], models.annotation(p.schema, "request"), p.required))
        params.append(
            ParamView(p.name, p.location, arg_names[id(p)], p.style, p.explode, p.allow_reserved, p.media_type)
        )
    idempotency_kwarg = not op.idempotent and "idempotency_key" not in arg_namer.taken
    if idempotency_kwarg:
        arg_namer.claim("idempotency_key")
    expects, returns, stream = _expects(op, models)
    security = [[k for k in req if k in scheme_keys] for req in ir.security_for(op)]
    view = OperationView(
        op=op,
        name=op.python_name,
        args=_ordered(args),
        params=params,
        body_kind=body_kind,
        body_media=body_media,
        deep_fields=deep_fields,
        returns=returns,
        expects=expects,
        security=security,
        stream=stream,
        idempotency_kwarg=idempotency_kwarg,
        errors=[
            _error_view(int(r.status))["class_name"]
            for r in op.responses
            if r.status.isdigit() and int(r.status) >= 400
        ],
    )
    view.doc = _operation_doc(op, view)
    if paging is not None and not stream:
        view.paging = paging
        view.iter_name = method_namer.claim(f"iter_{op.python_name}")
        view.item_type = models.annotation(paging.item_schema)
    return view


def _operation_doc(op: Operation, view: OperationView) -> str:
    lines = [clean_text(op.summary) or f"{op.method} {op.path}"]
    if op.description and op.description != op.summary:
        lines += ["", clean_text(op.description)]
    if op.summary:
        lines += ["", f"{op.method} {op.path}"]
    described = [(view_param, p) for view_param, p in zip(view.params, op.parameters, strict=True) if p.description]
    if described:
        lines += ["", "Args:"]
        lines += [f"    {v.python_name}: {summary_line(p.description, 100)}" for v, p in described]
    if view.errors:
        lines += ["", "Raises:"]
        lines += [f"    {name}: the API answered with that status." for name in dict.fromkeys(view.errors)]
    if op.deprecated:
        lines += ["", "Deprecated."]
    return "\n".join(lines)


def _ordered(args: list[Arg]) -> list[Arg]:
    """Positional arguments first (path parameters, then the body), then keyword-only."""
    positional = [a for a in args if a.positional and a.required]
    rest = [a for a in args if not (a.positional and a.required)]
    return positional + sorted(rest, key=lambda a: not a.required)


def _media_kind(media_type: str, schema: SchemaRef | None) -> str:
    mt = media_type.split(";")[0].strip().lower()
    if mt == "text/event-stream":
        return "sse"
    if "json" in mt or mt == "":
        return "json"
    if mt == "application/x-www-form-urlencoded":
        return "form"
    if mt.startswith("multipart/"):
        return "multipart"
    if mt.startswith("text/") or mt in ("application/xml", "application/yaml"):
        return "text"
    return "bytes"


def _body_kind(media: MediaBody) -> str:
    kind = _media_kind(media.media_type, media.schema)
    return kind if kind != "sse" else "text"


def _pick_body(contents: list[MediaBody]) -> MediaBody:
    return min(contents, key=lambda m: BODY_PREFERENCE.index(_body_kind(m)))


def _pick_response(contents: list[MediaBody]) -> MediaBody | None:
    if not contents:
        return None
    return min(contents, key=lambda m: RESPONSE_PREFERENCE.index(_media_kind(m.media_type, m.schema)))


def _response_kind(media: MediaBody) -> str:
    kind = _media_kind(media.media_type, media.schema)
    return "text" if kind in ("form", "multipart") else kind


def _expects(op: Operation, models: ModelsModule) -> tuple[list[ExpectView], str, bool]:
    expects: list[ExpectView] = []
    returns: list[str] = []
    stream = False
    for r in op.responses:
        media = _pick_response(r.contents)
        kind = "empty" if media is None else _response_kind(media)
        type_ = "None"
        if media is not None:
            if kind == "json":
                type_ = models.annotation(media.schema)
            elif kind == "text":
                type_ = "str"
            elif kind == "bytes":
                type_ = "bytes"
        expects.append(ExpectView(r.status, "json" if kind == "sse" and not _is_success(r) else kind, type_))
        if _is_success(r) or (r.status == "default" and not any(_is_success(x) for x in op.responses)):
            if kind == "sse":
                stream = True
            returns.append("rt.ServerSentEvent" if kind == "sse" else type_)
    if not returns:
        returns = ["None"]
    if stream:
        return expects, "rt.ServerSentEvent", True
    unique = list(dict.fromkeys(returns))
    if "typing.Any" in unique:
        return expects, "typing.Any", False
    return expects, " | ".join(unique), False


def _is_success(r: Response) -> bool:
    return r.status[:1] == "2"


def _error_view(status: int) -> dict[str, Any]:
    reason = HTTP_REASONS.get(status, f"HTTP {status}")
    name = pascal(reason.replace("'", ""), fallback=f"Status{status}") if status in HTTP_REASONS else f"Status{status}"
    return {
        "status": status,
        "reason": reason,
        "class_name": name + "Error",
        "base": "ClientError" if status < 500 else "ServerError",
    }
