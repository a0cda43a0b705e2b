"""Proxy mode: forward each request to the real service, check the request
and the response against the contract, and report what disagrees in the
`sl-violations` header and the log. With `--errors`, an invalid request is
answered 422/401 without reaching the service, and a response that breaks
the contract becomes a 500 problem document listing the violations.

Validation is the engine's (same router, validators and messages); only the
forwarding, with httpx, lives here. As in Prism, a GET or HEAD with a body is
refused (501), hop-by-hop headers are not forwarded, and an unreachable
upstream gives 502."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from apictl.mock import cors, examples, problems, responses
from apictl.mock.bodies import parse
from apictl.mock.engine import MockEngine
from apictl.mock.model import Content, Operation
from apictl.mock.negotiate import essence, matches
from apictl.mock.spec import MockSpec
from apictl.mock.types import ERROR, MockOptions, MockRequest, MockResponse, Violation

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailers",
    "transfer-encoding",
    "upgrade",
    "host",
    "content-length",
    "content-encoding",  # httpx hands over decoded bodies
}
TIMEOUT_S = 30.0


def valid_upstream(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class Proxy:
    def __init__(self, spec: MockSpec, options: MockOptions, upstream: str) -> None:
        self.engine = MockEngine(spec, options)
        self.options = options
        self.upstream = upstream.rstrip("/")
        self._client: Any = None

    async def handle(self, request: MockRequest) -> MockResponse:
        if self.options.cors and cors.is_preflight(request):
            return cors.preflight(request)
        response = await self._handle(request)
        if self.options.cors:
            response.headers.extend(cors.headers(request))
        return response

    async def _handle(self, request: MockRequest) -> MockResponse:
        method = request.method.upper()
        if method in ("GET", "HEAD") and request.body:
            return problems.problem("PROXY_UNSUPPORTED_REQUEST_BODY", "")
        engine = self.engine
        match = engine.router.match(request.path)
        op = engine.spec.operation(match.path, method) if match is not None else None
        violations: list[Violation] = []
        if op is not None and match is not None:
            parts = engine.parts(request, match.params)
            violations, challenge, secured = engine.check_request(op, parts)
            if self.options.errors and any(v.severity == ERROR for v in violations):
                prefs = examples.preferences(None, {})
                return engine.respond(op, parts, prefs, violations, challenge, secured)
        try:
            status, headers, body = await self._forward(request)
        except Exception as exc:  # connection refused, timeout, bad TLS…
            return problems.problem("UPSTREAM_NOT_AVAILABLE", f"{self.upstream}: {type(exc).__name__}: {exc}")
        output = self._check_response(op, status, headers, body) if op is not None else []
        if self.options.errors and any(v.severity == ERROR for v in output):
            out = problems.violations_error([v for v in output if v.severity == ERROR])
        else:
            out = MockResponse(status, headers, body)
        found = output + violations
        out.violations = found
        if found:
            from apictl.mock.jsvalue import dumps

            out.headers.append(("sl-violations", dumps([v.as_header_item() for v in found]).decode()))
        out.operation = op.label if op is not None else ""
        return out

    async def _forward(self, request: MockRequest) -> tuple[int, list[tuple[str, str]], bytes]:
        import httpx

        if self._client is None:
            self._client = httpx.AsyncClient(timeout=TIMEOUT_S, follow_redirects=False)
        url = self.upstream + request.path + ("?" + request.query if request.query else "")
        headers = [(k, v) for k, v in request.headers if k not in HOP_BY_HOP]
        upstream = await self._client.request(request.method, url, headers=headers, content=request.body or None)
        out = [(k.lower(), v) for k, v in upstream.headers.multi_items() if k.lower() not in HOP_BY_HOP]
        return upstream.status_code, out, upstream.content

    def _check_response(
        self, op: Operation, status: int, headers: list[tuple[str, str]], body: bytes
    ) -> list[Violation]:
        spec_response = responses.for_code(op.responses, status)
        if spec_response is None:
            message = f"Unable to match the returned status code {status} with those defined in the document"
            return [Violation("response", ("status",), ERROR, "status", message, message)]
        content_type = next((v for k, v in headers if k == "content-type"), None)
        if not body or not spec_response.contents:
            return []
        content = _content_for(spec_response.contents, content_type)
        if content is None:
            message = (
                f"The received media type {essence(content_type or '')!r} does not match any defined in the document"
            )
            return [Violation("response", ("header", "content-type"), ERROR, "content-type", message, message)]
        value = parse(body, content_type or content.media_type).value
        return self.engine.validator.response_body(content, value)

    def close(self) -> None:
        self._client = None


def _content_for(contents: list[Content], content_type: str | None) -> Content | None:
    if not content_type:
        return contents[0]
    mt = essence(content_type)
    return next((c for c in contents if matches(c.media_type, mt)), None)
