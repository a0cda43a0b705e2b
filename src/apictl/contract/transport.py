"""The stub as an httpx transport, for Python tests that call a client against
pacts without a socket: `httpx.Client(transport=stub_transport(engine))`.
The one module of `contract` that imports httpx."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apictl.contract.stub import StubEngine
from apictl.serve.messages import Request, Response

Observer = Callable[[Request, Response], None]


def stub_transport(engine: StubEngine, on_answer: Observer | None = None) -> Any:
    """An `httpx.MockTransport` answering every request (any host) with `engine`.

    `on_answer(request, response)` sees every exchange: `response.operation` names
    the interaction that answered (empty when none matched: the stub's 500 report),
    so a test can check that each interaction it set up was requested."""
    import httpx

    def handle(request: httpx.Request) -> httpx.Response:
        raw = request.url.raw_path.decode("ascii", "replace")
        path, _, query = raw.partition("?")
        headers = [(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in request.headers.raw]
        received = Request(request.method, path or "/", query, headers, request.read())
        answer = engine.handle(received)
        if on_answer is not None:
            on_answer(received, answer)
        return httpx.Response(answer.status, headers=answer.headers, content=answer.body)

    return httpx.MockTransport(handle)
