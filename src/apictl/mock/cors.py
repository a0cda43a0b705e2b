"""CORS, on by default as in Prism: every response allows the caller's origin,
and a preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered
204 before routing. A plain `OPTIONS` request is routed like any other."""

from __future__ import annotations

from apictl.mock.types import MockRequest, MockResponse

ALL_METHODS = "GET,DELETE,HEAD,PATCH,POST,PUT,OPTIONS"


def is_preflight(request: MockRequest) -> bool:
    return request.method.upper() == "OPTIONS" and request.header("access-control-request-method") is not None


def headers(request: MockRequest) -> list[tuple[str, str]]:
    origin = request.header("origin")
    return [
        ("access-control-allow-origin", origin or "*"),
        ("access-control-allow-headers", request.header("access-control-request-headers") or "*"),
        ("access-control-allow-credentials", "true"),
        ("access-control-expose-headers", "*"),
        ("vary", "Origin"),
    ]


def preflight(request: MockRequest) -> MockResponse:
    out = headers(request)
    out.append(("access-control-allow-methods", request.header("access-control-request-method") or ALL_METHODS))
    return MockResponse(204, out)
