"""One HTTP interaction of a pact checked against the provider's description,
in swagger-mock-validator's order: the operation (path and method), the
request (Content-Type, Accept, security, body, headers, query), then the
response (status, body, headers, Content-Type).

Where apictl reads the description more faithfully than swagger-mock-validator
(docs/contract.md lists each): servers' base paths, status ranges (`2XX`), the
response actually chosen (also `default`) for Content-Type checks, the
response's own Content-Type to pick its schema, parameter `style`/`explode`,
Accept/Content-Type/Authorization header parameters ignored as OpenAPI 3
says, cookie and OAuth 2 / OpenID Connect credentials, and a path parameter
of the wrong type reported as such."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from apictl.contract.check.findings import Findings, PendingBody, existing
from apictl.contract.check.reuse import (
    MISSING,
    Content,
    Match,
    Operation,
    Param,
    Response,
    coerce,
    essence,
    from_cookie,
    from_header,
    from_path,
    from_query,
    is_json,
    matches,
    parse_cookies,
    shape,
)
from apictl.contract.check.schemas import problems, problems_many
from apictl.contract.check.spec import ProviderSpec
from apictl.contract.pact import HttpInteraction
from apictl.core.document import Document
from apictl.core.pointer import join
from apictl.specs.openapi.access import Located
from apictl.specs.openapi.jsonschema import REQUEST, RESPONSE

STANDARD_REQUEST_HEADERS = frozenset(
    "accept accept-charset accept-datetime accept-encoding accept-language authorization cache-control connection "
    "content-length content-md5 content-type cookie date expect forwarded from host if-match if-modified-since "
    "if-none-match if-range if-unmodified-since max-forwards origin pragma proxy-authorization range referer te "
    "upgrade user-agent via warning".split()
)
STANDARD_RESPONSE_HEADERS = frozenset(
    "access-control-allow-origin accept-patch accept-ranges age allow alt-svc cache-control connection "
    "content-disposition content-encoding content-language content-length content-location content-md5 "
    "content-range date etag expires last-modified link location p3p pragma proxy-authenticate public-key-pins "
    "refresh retry-after server set-cookie status strict-transport-security trailer transfer-encoding tsv upgrade "
    "vary via warning www-authenticate x-frame-options".split()
)
IGNORED_HEADER_PARAMS = frozenset(("accept", "content-type", "authorization"))  # OpenAPI 3: "SHALL be ignored"
AUTHORIZATION_SCHEMES = frozenset(("basic", "bearer", "digest", "http", "oauth2", "openIdConnect"))
PARAM_PREFIX = "Value is incompatible with the parameter defined in the spec file: "


@dataclass(slots=True)
class CheckedParam:
    name: str
    schema: Located
    problems: list[str]


class InteractionCheck:
    def __init__(self, spec: ProviderSpec, findings: Findings, interaction: HttpInteraction) -> None:
        self.spec = spec
        self.out = findings
        self.pact: Document = findings.pact
        self.it = interaction
        self.req = interaction.request
        self.resp = interaction.response
        self.label = interaction.description
        self.headers = _lower(self.req.headers)
        self.resp_headers = _lower(self.resp.headers)
        self.query: dict[str, list[str]] = {
            k: [v if v is not None else "" for v in vs] for k, vs in (self.req.query or {}).items()
        }
        self.bad_request = (self.resp.status or 200) >= 400
        self.template = ""
        self.op_at: Located | None = None
        self.response_found: Response | None = None

    def add(self, code: str, message: str, pointer: str, spec: tuple[Document, str] | None = None) -> None:
        self.out.add(code, message, pointer, spec, self.label)

    def spec_at(self, loc: Located | None) -> tuple[Document, str] | None:
        return (loc.doc, loc.pointer) if loc is not None else None

    # -- the operation -----------------------------------------------------
    def run(self) -> Operation | None:
        op = self.operation()
        if op is None:
            return None
        self.content_type(op)
        self.accept(op)
        if not self.bad_request:
            self.security(op)
            self.request_body(op)
            self.request_headers(op)
            self.request_query(op)
        response = self.response_found = self.response(op)
        if response is not None:
            self.response_body(response)
            self.response_headers(response)
            self.response_content_type(op, response)
        return op

    def operation(self) -> Operation | None:
        method = self.req.method.upper()
        found = self.spec.route(self.req.path, method)
        paths_at = (self.spec.mock.ws.root, "/paths")
        if found is None:
            self.add(
                "request.path-or-method.unknown",
                f"Path or method not defined in spec file: {method} {self.req.path}",
                join(self.req.pointer, "path"),
                paths_at,
            )
            return None
        op = self.spec.operation(found.path, method)
        if op is None:
            return None
        self.template = found.path
        self.op_at = self.spec.operation_at(found.path, method)
        wrong = False
        for checked in self.path_params_of(found, op):
            for message in checked.problems:
                self.add(
                    "request.path-parameter.incompatible",
                    f"Path parameter '{checked.name}' is incompatible with the spec file: {message} "
                    f"(path {self.req.path}, template {found.path})",
                    join(self.req.pointer, "path"),
                    self.spec_at(checked.schema),
                )
                wrong = True
        return None if wrong else op  # not this operation after all: nothing more to compare with

    def path_params_of(self, found: Match, op: Operation | None = None) -> list[CheckedParam]:
        """The path parameters of a routed path, each with its schema problems."""
        if op is None:
            op = self.spec.operation(found.path, self.req.method.upper())
        out: list[CheckedParam] = []
        for param in op.params if op is not None else []:
            if param.location != "path" or param.schema is None:
                continue
            raw = found.params.get(param.name)
            if raw is None:
                continue
            value = from_path(param, raw, self._shape(param))
            if value is MISSING:
                continue
            problems_found = [message for _path, message in self._param_problems(param, value)]
            out.append(CheckedParam(param.name, param.schema, problems_found))
        return out

    # -- request ------------------------------------------------------------
    def consumes(self, op: Operation) -> list[str]:
        if self.spec.version == "oas2":
            return self.spec.oas2_media(self.template, self.req.method, "consumes")
        return [c.media_type for c in op.body.contents] if op.body is not None else []

    def produces(self, op: Operation) -> list[str]:
        if self.spec.version == "oas2":
            return self.spec.oas2_media(self.template, self.req.method, "produces")
        return list(dict.fromkeys(c.media_type for r in op.responses for c in r.contents))

    def content_type(self, op: Operation) -> None:
        consumes = self.consumes(op)
        mock_ct = self.headers.get("content-type")
        at = join(self.req.pointer, "headers")
        if not consumes:
            if mock_ct:
                self.add(
                    "request.content-type.unknown",
                    "Request content-type header is defined but the spec does not specify any mime-types to consume",
                    at,
                    self.spec_at(self.op_at),
                )
            return
        if not mock_ct:
            if self.req.body.present:
                self.add(
                    "request.content-type.missing",
                    "Request content type header is not defined but spec specifies mime-types to consume",
                    self.req.pointer,
                    self.spec_at(self.op_at),
                )
            return
        if media_match(mock_ct, consumes) is None:
            self.add(
                "request.content-type.incompatible",
                "Request Content-Type header is incompatible with the mime-types the spec accepts to consume: "
                f"{mock_ct} (spec: {', '.join(consumes)})",
                at,
                self.spec_at(self.op_at),
            )

    def accept(self, op: Operation) -> None:
        accept = self.headers.get("accept")
        if not accept:
            return
        produces = self.produces(op)
        at = join(self.req.pointer, "headers")
        if not produces:
            self.add(
                "request.accept.unknown",
                "Request Accept header is defined but the spec does not specify any mime-types to produce",
                at,
                self.spec_at(self.op_at),
            )
            return
        if not any(media_match(a, produces) for a in accept.split(",") if a.strip()):
            self.add(
                "request.accept.incompatible",
                "Request Accept header is incompatible with the mime-types the spec defines to produce: "
                f"{accept} (spec: {', '.join(produces)})",
                at,
                self.spec_at(self.op_at),
            )

    def security(self, op: Operation) -> None:
        if not op.security:
            return
        missing_per_group: list[list[str]] = []
        for group in op.security:
            missing: list[str] = []
            for scheme in group:
                if scheme.kind == "apiKey":
                    if scheme.location == "header" and scheme.param.lower() not in self.headers:
                        missing.append("header")
                    elif scheme.location == "query" and scheme.param not in self.query:
                        missing.append("query")
                    elif scheme.location == "cookie" and not _has_cookie(self.headers.get("cookie", ""), scheme.param):
                        missing.append("cookie")
                elif scheme.kind in AUTHORIZATION_SCHEMES and "authorization" not in self.headers:
                    missing.append("header")
            if not missing:
                return
            missing_per_group.append(missing)
        security_at = self.op_at if self.op_at is not None else None
        where = (
            (security_at.doc, join(security_at.pointer, "security"))
            if security_at is not None and isinstance(security_at.value, dict) and "security" in security_at.value
            else (self.spec.mock.ws.root, "/security")
        )
        for kind in dict.fromkeys(missing_per_group[0]):
            self.add(
                "request.authorization.missing",
                f"Request Authorization {kind} is missing but is required by the spec file",
                self.req.pointer,
                where,
            )

    def request_body(self, op: Operation) -> None:
        body = self.req.body
        spec_body = op.body
        if not body.present:
            if spec_body is not None and spec_body.required and spec_body.contents:
                self.add(
                    "request.body.incompatible",
                    "Request body is incompatible with the request body schema in the spec file: "
                    "the request body is required",
                    self.req.pointer,
                    self.spec_at(self.op_at),
                )
            return
        consumes = self.consumes(op)
        if consumes and not any(is_json(m) for m in consumes) and not any("form" in m for m in consumes):
            return  # not JSON: only the Content-Type is checked
        mock_ct = self.headers.get("content-type") or body.content_type or "application/json"
        content = content_for(spec_body.contents if spec_body is not None else [], mock_ct)
        if content is None or content.schema is None:
            self.add(
                "request.body.unknown",
                "No matching schema found for request body",
                body.pointer,
                self.spec_at(self.op_at),
            )
            return
        if "x-www-form-urlencoded" in essence(content.media_type):
            fields: Any = {k: v[0] if len(v) == 1 else v for k, v in parse_qs(body.text()).items()}
            value = coerce(fields, content.schema.value, content.schema.doc, self.spec.mock.ws)
        else:
            try:
                value = body.json_value()
            except ValueError:
                return
        self._body_problems(REQUEST, content.schema, value, body.pointer)

    def _body_problems(self, side: str, schema: Located, value: Any, pointer: str) -> None:
        """Queued: bodies are checked together at the end (`check_bodies`)."""
        self.out.bodies.append(PendingBody(side, schema, value, pointer, self.label))

    def request_headers(self, op: Operation) -> None:
        spec_headers = {
            p.name.lower(): p
            for p in op.params
            if p.location == "header" and p.name.lower() not in IGNORED_HEADER_PARAMS
        }
        security_headers = {s.param.lower() for g in op.security for s in g if s.kind == "apiKey"}
        headers_at = join(self.req.pointer, "headers")
        for name in dict.fromkeys([*self.headers, *spec_headers]):
            param = spec_headers.get(name)
            raw = self.headers.get(name)
            at = join(headers_at, self._written_name(self.req.headers, name))
            if param is None:
                if raw is not None and name not in STANDARD_REQUEST_HEADERS and name not in security_headers:
                    self.add(
                        "request.header.unknown",
                        f"Request header is not defined in the spec file: {name}",
                        at,
                        self.spec_at(self.op_at),
                    )
                continue
            self._param(param, MISSING if raw is None else from_header(param, raw, self._shape(param)), at, "header")
        cookies = parse_cookies(self.headers.get("cookie"))
        at = join(headers_at, self._written_name(self.req.headers, "cookie"))
        for param in op.params:
            if param.location == "cookie":  # cookies are a header: their findings are header findings
                self._param(param, from_cookie(param, cookies, self._shape(param)), at, "header")

    def request_query(self, op: Operation) -> None:
        spec_query = {p.name: p for p in op.params if p.location == "query"}
        security_query = {s.param for g in op.security for s in g if s.kind == "apiKey" and s.location == "query"}
        query_at = join(self.req.pointer, "query")
        consumed: set[str] = set()
        takes_rest = False
        for p in spec_query.values():
            kind = self._shape(p)
            if p.style == "deepObject":
                consumed.update(k for k in self.query if k.startswith(p.name + "["))
            elif kind == "object" and p.explode and p.style == "form":
                takes_rest = True
        for name in dict.fromkeys([*self.query, *spec_query]):
            param = spec_query.get(name)
            at = join(query_at, name) if self.req.query and name in self.req.query else query_at
            if param is None:
                if name not in security_query and name not in consumed and not takes_rest:
                    self.add(
                        "request.query.unknown",
                        f"Query parameter is not defined in the spec file: {name}",
                        at,
                        self.spec_at(self.op_at),
                    )
                continue
            known = set(spec_query)
            self._param(param, from_query(param, self.query, self._shape(param), known), at, "query")

    def _param(self, param: Param, value: Any, at: str, where: str) -> None:
        code = f"request.{where}.incompatible"
        which = f" ({param.location} parameter '{param.name}')"
        if value is MISSING:
            if param.required:
                message = PARAM_PREFIX + "must have required property 'value'" + which
                self.add(code, message, at, self.spec_at(param.schema))
            return
        for path, message in self._param_problems(param, value):
            self.add(code, PARAM_PREFIX + message + which + _at_path(path), at, self.spec_at(param.schema))

    def _param_problems(self, param: Param, value: Any) -> list[tuple[tuple[str, ...], str]]:
        schema = param.schema
        if schema is None:
            return []
        if param.content_type is not None and isinstance(value, str) and is_json(param.content_type):
            import json

            try:
                value = json.loads(value)
            except ValueError:
                pass
        else:
            value = coerce(value, schema.value, schema.doc, self.spec.mock.ws)
        return problems(self.spec.requests, schema, value, REQUEST)

    def _shape(self, param: Param) -> str:
        return shape(param.schema.value, param.schema.doc, self.spec.mock.ws) if param.schema is not None else "scalar"

    @staticmethod
    def _written_name(headers: dict[str, list[str]] | None, lower: str) -> str:
        for name in headers or {}:
            if name.lower() == lower:
                return name
        return lower

    # -- response -----------------------------------------------------------
    def response(self, op: Operation) -> Response | None:
        status = self.resp.status or 200
        by_code = {r.code.upper(): r for r in op.responses}
        found = by_code.get(str(status)) or by_code.get(f"{status // 100}XX")
        at = join(self.resp.pointer, "status")
        responses_at = (self.op_at.doc, join(self.op_at.pointer, "responses")) if self.op_at is not None else None
        if found is not None:
            return found
        default = by_code.get("DEFAULT")
        if default is None:
            self.add(
                "response.status.unknown",
                f"Response status code not defined in spec file: {status}",
                at,
                responses_at,
            )
            return None
        self.add(
            "response.status.default",
            f"Response status code matched default response in spec file: {status}",
            at,
            responses_at,
        )
        return default

    def _response_at(self, response: Response) -> tuple[Document, str] | None:
        if self.op_at is None:
            return None
        code = next(
            (k for k in (self.op_at.value or {}).get("responses", {}) if str(k).upper() == response.code.upper()),
            response.code,
        )
        return self.op_at.doc, join(self.op_at.pointer, "responses", str(code))

    def response_body(self, response: Response) -> None:
        body = self.resp.body
        if not body.present:
            return
        media = [c.media_type for c in response.contents]
        if media and not any(is_json(m) for m in media):
            return  # not JSON: only the Content-Type is checked
        # the response's own Content-Type first (a mismatch is reported on its own), then Accept
        accept = [a.strip() for a in self.headers.get("accept", "").split(",") if a.strip()]
        content = None
        for candidate in [self.resp_headers.get("content-type", ""), *(accept or ["application/json"])]:
            content = content_for(response.contents, candidate)
            if content is not None:
                break
        if content is None or content.schema is None:
            self.add(
                "response.body.unknown",
                "No matching schema found for response body",
                body.pointer,
                self._response_at(response),
            )
            return
        if not is_json(content.media_type):
            return
        try:
            value = body.json_value()
        except ValueError:
            return
        self._body_problems(RESPONSE, content.schema, value, body.pointer)

    def response_headers(self, response: Response) -> None:
        spec_headers = {h.name.lower(): h for h in response.headers}
        headers_at = join(self.resp.pointer, "headers")
        for name, raw in self.resp_headers.items():
            at = join(headers_at, self._written_name(self.resp.headers, name))
            header = spec_headers.get(name)
            if header is None:
                if name == "content-type":
                    continue
                if name in STANDARD_RESPONSE_HEADERS:
                    self.add(
                        "response.header.undefined",
                        f"Standard http response header is not defined in the spec file: {name}",
                        at,
                        self._response_at(response),
                    )
                else:
                    self.add(
                        "response.header.unknown",
                        f"Response header is not defined in the spec file: {name}",
                        at,
                        self._response_at(response),
                    )
                continue
            if header.schema is None:
                continue
            param = Param(name, "header", schema=header.schema)
            value = from_header(param, raw, self._shape(param))
            value = coerce(value, header.schema.value, header.schema.doc, self.spec.mock.ws)
            for _path, message in problems(self.spec.requests, header.schema, value, RESPONSE):
                message = PARAM_PREFIX + message + f" (response header '{name}')"
                self.add("response.header.incompatible", message, at, self.spec_at(header.schema))

    def response_content_type(self, op: Operation, response: Response) -> None:
        mock_ct = self.resp_headers.get("content-type")
        if not mock_ct:
            return
        at = join(self.resp.pointer, "headers", self._written_name(self.resp.headers, "content-type"))
        if self.spec.version == "oas2":
            produces = self.produces(op) if response.contents else []
        else:
            produces = [c.media_type for c in response.contents]
        if not produces:
            if self.req.method.upper() != "HEAD":
                self.add(
                    "response.content-type.unknown",
                    "Response Content-Type header is defined but the spec does not specify any mime-types to produce",
                    at,
                    self._response_at(response),
                )
            return
        if media_match(mock_ct, produces) is None:
            self.add(
                "response.content-type.incompatible",
                "Response Content-Type header is incompatible with the mime-types the spec defines to produce: "
                f"{mock_ct} (spec: {', '.join(produces)})",
                at,
                self._response_at(response),
            )


def media_match(wanted: str, available: list[str]) -> str | None:
    """The media type of `available` that `wanted` (a media type or range, with
    parameters) is compatible with, as swagger-mock-validator's findMatchingType:
    equal essences, then wildcards on either side."""
    w = essence(wanted)
    if not w:
        return None
    for a in available:
        if essence(a) == w:
            return a
    for a in available:
        if matches(a, w) or matches(w, a):
            return a
    return None


def content_for(contents: list[Content], media_type: str) -> Content | None:
    found = media_match(media_type, [c.media_type for c in contents])
    return next((c for c in contents if c.media_type == found), None) if found is not None else None


def _lower(headers: dict[str, list[str]] | None) -> dict[str, str]:
    return {k.lower(): ",".join(v) for k, v in (headers or {}).items()}


def _has_cookie(header: str, name: str) -> bool:
    return any(part.strip().partition("=")[0] == name for part in header.split(";"))


def _at_path(path: tuple[str, ...]) -> str:
    return f" (at {'/' + '/'.join(path)})" if path else ""


def check_bodies(spec: ProviderSpec, findings: Findings) -> None:
    """The queued bodies, checked in one batch per direction."""
    for side, validators in ((REQUEST, spec.requests), (RESPONSE, spec.responses)):
        pending = [b for b in findings.bodies if b.side == side]
        results = problems_many(validators, [(b.schema, b.value) for b in pending], side)
        for body, found in zip(pending, results, strict=True):
            for path, message in found:
                findings.add(
                    f"{side}.body.incompatible",
                    f"{side.capitalize()} body is incompatible with the {side} body schema in the spec file: {message}"
                    + _at_path(path),
                    existing(findings.pact, body.pointer, path),
                    (body.schema.doc, body.schema.pointer),
                    body.interaction,
                )
    findings.bodies.clear()
