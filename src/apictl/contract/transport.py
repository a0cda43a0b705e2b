"""The stub as an httpx transport, for Python tests that call a client against
pacts without a socket: `httpx.Client(transport=stub_transport(engine))`.
The one module of `contract` that imports httpx."""

from __future__ import annotations

from typing import Any

from apictl.contract.stub import StubEngine
from apictl.serve.messages import Request


def stub_transport(engine: StubEngine) -> Any:
    """An `httpx.MockTransport` answering every request (any host) with `engine`."""
    import httpx

    def handle(request: httpx.Request) -> httpx.Response:
        raw = request.url.raw_path.decode("ascii", "replace")
        path, _, query = raw.partition("?")
        headers = [(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in request.headers.raw]
        answer = engine.handle(Request(request.method, path or "/", query, headers, request.read()))
        return httpx.Response(answer.status, headers=answer.headers, content=answer.body)

    return httpx.MockTransport(handle)
