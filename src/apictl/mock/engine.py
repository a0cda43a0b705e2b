"""`MockEngine.handle(MockRequest) -> MockResponse`: the mock server without the
server. Pure and socket-free; the ASGI adapter (`asgi.py`) and the tests call
the same method.

One request goes: CORS preflight → route (404/405) → security (401) and
request validation (422/415, or the contract's own 422/400/401 response) →
the response the client prefers or the contract's first success → content
negotiation (406) → example, schema sample or generated data → output
validation (`--errors`: 500) → `sl-violations`, CORS headers."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apictl.mock import cors, examples, problems, responses
from apictl.mock.examples import MISSING_EXAMPLE, Preferences
from apictl.mock.generate import FakerOptions, Generator
from apictl.mock.jsvalue import dumps, js_string, normalize
from apictl.mock.model import Content, Operation, Response
from apictl.mock.negotiate import is_json, parse_accept, preferred
from apictl.mock.params import parse_cookies, parse_query
from apictl.mock.router import Router
from apictl.mock.sample import Sampler
from apictl.mock.security import check as check_security
from apictl.mock.serialize import NotText, serialize
from apictl.mock.spec import MockSpec
from apictl.mock.types import ERROR, MockOptions, MockRequest, MockResponse, Violation
from apictl.mock.validate import UNSUPPORTED_MEDIA_TYPE, RequestParts, Validator

MAX_PREFER_DELAY_MS = 60_000
INVALID_JSON = b'{"error":{"code":"invalid_json","message":"Invalid JSON"}}'  # Prism's answer, verbatim
_NO_ACCEPT = parse_accept("application/json, */*")
_NOTHING: Any = object()


_Rendered = tuple[bytes, list[tuple[str, str]], list[Violation]]  # body, headers, output violations


@dataclass(slots=True)
class Payload:
    """A chosen response before it is written."""

    status: int
    response: Response | None
    content: Content | None
    value: Any = _NOTHING  # _NOTHING: no body
    cache_key: tuple[Any, ...] | None = None  # set when the value is static


class MockEngine:
    def __init__(self, spec: MockSpec, options: MockOptions | None = None) -> None:
        self.spec = spec
        self.options = options or MockOptions()
        self.router = Router(spec.items, spec.base_paths)
        self.validator = Validator(spec)
        self.sampler = Sampler(spec.ws, version=spec.version)
        self.faker = FakerOptions.from_spec(spec.faker_options, self.options.fill_properties)
        self._rng = random.Random(self.options.seed)
        self._static: dict[tuple[Any, ...], _Rendered | MockResponse] = {}
        # Extensions (e.g. `stateful.py`): `pre_route` sees every request first; `hooks`
        # see routed ones with their violations. The first to return a response answers.
        self.pre_route: list[Callable[[MockRequest], MockResponse | None]] = []
        self.hooks: list[Callable[[MockRequest, Operation, RequestParts, list[Violation]], MockResponse | None]] = []

    # -- entry point ------------------------------------------------------------
    def handle(self, request: MockRequest) -> MockResponse:
        opts = self.options
        if opts.cors and cors.is_preflight(request):
            return cors.preflight(request)
        response = self._handle(request)
        if opts.cors:
            response.headers.extend(cors.headers(request))
        if request.method.upper() == "HEAD":
            response.body = b""
        return response

    def _handle(self, request: MockRequest) -> MockResponse:
        if len(request.body) > self.options.max_body_bytes:
            return problems.problem(
                "PAYLOAD_TOO_LARGE", f"Request bodies are limited to {self.options.max_body_bytes} bytes"
            )
        for extension in self.pre_route:
            answered = extension(request)
            if answered is not None:
                return answered
        match = self.router.match(request.path)
        if match is None:
            return problems.no_path(request.path)
        op = self.spec.operation(match.path, request.method)
        if op is None:
            return problems.no_method(request.path, request.method)
        parts = self.parts(request, match.params)
        if parts.body and is_json(parts.content_type or "") and not _parses(parts.body):
            return MockResponse(400, [("content-type", "application/json; charset=utf-8")], INVALID_JSON)
        prefs = examples.preferences(parts.headers.get("prefer"), parts.query)
        violations, challenge, secured = self.check_request(op, parts)
        for hook in self.hooks:
            hooked = hook(request, op, parts, violations)
            if hooked is not None:
                hooked.operation = op.label
                return hooked
        response = self.respond(op, parts, prefs, violations, challenge, secured)
        response.operation = op.label
        if prefs.delay_ms:
            response.delay = min(prefs.delay_ms, MAX_PREFER_DELAY_MS) / 1000
        return response

    # -- request --------------------------------------------------------------
    @staticmethod
    def parts(request: MockRequest, path_params: dict[str, str]) -> RequestParts:
        headers: dict[str, str] = {}
        for k, v in request.headers:
            headers[k] = f"{headers[k]}, {v}" if k in headers else v
        return RequestParts(
            path_params=path_params,
            query=parse_query(request.query),
            headers=headers,
            cookies=parse_cookies(headers.get("cookie")),
            content_type=headers.get("content-type"),
            body=request.body,
        )

    def check_request(self, op: Operation, parts: RequestParts) -> tuple[list[Violation], str, bool]:
        """(violations, WWW-Authenticate challenge, security satisfied)."""
        violations: list[Violation] = []
        secured, challenge = check_security(op.security, parts.headers, parts.query, parts.cookies)
        if not secured:
            violations.append(Violation("request", (), ERROR, 401, "Invalid security scheme used"))
        if self.options.validate_request:
            violations += self.validator.body(op, parts)
            violations += self.validator.parameters(op, parts)
        return violations, challenge, secured

    # -- response -------------------------------------------------------------
    def respond(
        self,
        op: Operation,
        parts: RequestParts,
        prefs: Preferences,
        violations: list[Violation],
        challenge: str,
        secured: bool,
    ) -> MockResponse:
        errors = [v for v in violations if v.severity == ERROR]
        if not secured:
            chosen = self._for_invalid(op, [401], prefs, parts)
            if chosen is None:
                out = problems.unauthorized(challenge)
                out.violations = violations
                return self._with_violations(out, violations, [])
        elif any(v.code == UNSUPPORTED_MEDIA_TYPE for v in errors):
            detail = next(v.message for v in errors if v.code == UNSUPPORTED_MEDIA_TYPE)
            out = problems.problem("INVALID_CONTENT_TYPE", detail)
            return self._with_violations(out, violations, [])
        elif errors:
            chosen = self._for_invalid(op, [422, 400], prefs, parts)
            if chosen is None:
                return self._with_violations(problems.invalid_request(violations), violations, [])
        else:
            chosen = self._for_valid(op, prefs, parts)
        if isinstance(chosen, MockResponse):
            return self._with_violations(chosen, violations, [])
        return self.write(chosen, violations, prefs)

    def _for_invalid(
        self, op: Operation, codes: list[int], prefs: Preferences, parts: RequestParts
    ) -> Payload | MockResponse | None:
        found = responses.for_invalid(op.responses, codes)
        if found is None:
            return None
        response, status = found
        key = prefs.example if prefs.code in codes else None
        content = next((c for c in response.contents if c.examples), None)
        if content is not None:  # examples first, even with --dynamic (as Prism)
            value = examples.example(content, key)
            if value is MISSING_EXAMPLE:
                return _missing_example(content, key or "")
            return Payload(status, response, content, value, ("example", id(content), key))
        content = next((c for c in response.contents if c.schema is not None), None)
        if content is None:
            return Payload(status, response, None)
        if key is not None:
            return _missing_example(content, key)
        return self._payload(status, response, content, None, prefs)

    def _for_valid(self, op: Operation, prefs: Preferences, parts: RequestParts) -> Payload | MockResponse:
        if prefs.code is not None:
            response = responses.for_code(op.responses, prefs.code)
            if response is None:
                return problems.problem(
                    "NOT_FOUND", f"Requested status code {prefs.code} is not defined in the document."
                )
            status = prefs.code
        else:
            found = responses.for_success(op.responses)
            if found is None:
                return Payload(200, None, None)
            response, status = found
        if not response.contents:
            return Payload(status, response, None)
        accept_header = parts.headers.get("accept")
        accept = parse_accept(accept_header) if accept_header and accept_header.strip() else _NO_ACCEPT
        ranked = preferred([c.media_type for c in response.contents], accept)
        if not ranked:
            detail = "Unable to find content for " + ",".join((r.text if r.subtype else r.type) for r in accept)
            return problems.problem("NOT_ACCEPTABLE", detail)
        content = response.contents[ranked[0]]
        return self._payload(status, response, content, prefs.example, prefs)

    def _payload(
        self, status: int, response: Response, content: Content, key: str | None, prefs: Preferences
    ) -> Payload | MockResponse:
        if key is not None:
            value = examples.example(content, key)
            if value is MISSING_EXAMPLE:
                return _missing_example(content, key)
            return Payload(status, response, content, value, ("example", id(content), key))
        dynamic = prefs.dynamic if prefs.dynamic is not None else self.options.dynamic
        if dynamic and content.schema is not None:
            return Payload(status, response, content, self.generate(content))
        value = examples.example(content, None)
        if value is not MISSING_EXAMPLE:
            return Payload(status, response, content, value, ("example", id(content), None))
        if content.schema is not None:
            cache_key = ("sample", id(content))
            if cache_key in self._static:
                return Payload(status, response, content, None, cache_key)
            schema = content.schema
            return Payload(status, response, content, self.sampler.sample(schema.value, schema.doc), cache_key)
        return Payload(status, response, content)

    def generate(self, content: Content) -> Any:
        schema = content.schema
        assert schema is not None
        gen = Generator(self.spec.ws, self.faker, self._rng_for(f"{schema.doc.uri}#{schema.pointer}"))
        return gen.generate(schema.value, schema.doc)

    def _rng_for(self, salt: str) -> random.Random:
        if self.options.seed is None:
            return self._rng
        return random.Random(f"{self.options.seed}:{salt}")

    def write(self, payload: Payload, violations: list[Violation], prefs: Preferences) -> MockResponse:
        """Headers, serialised body, output validation, `--errors`. What a static
        payload renders to is computed once."""
        key = payload.cache_key
        rendered = self._static.get(key) if key is not None else None
        if rendered is None:
            rendered = self._render(payload)
            if key is not None:
                self._static[key] = rendered
        if isinstance(rendered, MockResponse):  # a problem document
            return MockResponse(rendered.status, list(rendered.headers), rendered.body)
        body, headers, output = rendered
        if self.options.errors and any(v.severity == ERROR for v in output):
            return self._with_violations(
                problems.violations_error([v for v in output if v.severity == ERROR]), violations, output
            )
        return self._with_violations(MockResponse(payload.status, list(headers), body), violations, output)

    def _render(self, payload: Payload) -> _Rendered | MockResponse:
        headers: list[tuple[str, str]] = []
        body = b""
        output: list[Violation] = []
        content = payload.content
        if content is not None and payload.value is not _NOTHING:
            value = normalize(payload.value)
            output = self.validator.response_body(content, value)
            try:
                body = serialize(value, content.media_type)
            except NotText:
                return problems.problem("NO_COMPLEX_OBJECT_TEXT", "Cannot serialise complex objects as text")
            headers.append(("content-type", content.media_type))
        if payload.response is not None:
            headers += self._headers(payload.response)
        return body, headers, output

    def _headers(self, response: Response) -> list[tuple[str, str]]:
        out = []
        for h in response.headers:
            if h.name.lower() in ("content-type", "content-length", "transfer-encoding"):
                continue
            if h.examples:
                value: Any = h.examples[0]
            elif h.schema is not None:
                value = self.sampler.sample(h.schema.value, h.schema.doc)
            else:
                continue
            if value is None:
                continue
            if isinstance(value, list):
                text = ",".join(js_string(v) for v in value)
            elif isinstance(value, dict):
                text = ",".join(f"{k},{js_string(v)}" for k, v in value.items())
            else:
                text = js_string(value)
            out.append((h.name.lower(), text))
        return out

    @staticmethod
    def _with_violations(response: MockResponse, request: list[Violation], output: list[Violation]) -> MockResponse:
        found = output + request
        response.violations = found
        if found:
            response.headers.append(("sl-violations", dumps([v.as_header_item() for v in found]).decode()))
        return response


def _parses(body: bytes) -> bool:
    import orjson

    try:
        orjson.loads(body)
    except orjson.JSONDecodeError:
        return False
    return True


def _missing_example(content: Content, key: str) -> MockResponse:
    detail = f"Response for contentType: {content.media_type} and exampleKey: {key} does not exist."
    return problems.problem("NOT_FOUND", detail)
