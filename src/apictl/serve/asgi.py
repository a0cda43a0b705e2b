"""The thin ASGI adapter: an HTTP request in, `Request` to a handler (the mock
engine, its proxy, the pact stub), `Response` out, one log record per request.

The handler can be swapped while serving (`--watch` reloads the contract
without closing the port). Bodies larger than the limit are refused with 413
as soon as they exceed it; a handler that fails answers 500 and the server
keeps running. How those two answers look is the caller's (`ErrorResponses`):
the mock words them as Prism's problem documents.

With `handler_budget_s` set (the pact stub, whose pacts come from other teams) a
synchronous handler runs in a worker thread and the request is answered 500 when it
takes longer than the budget: the event loop, and so every other request, never waits
on one slow answer."""

from __future__ import annotations

import asyncio
import inspect
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from apictl.serve.messages import Request, Response, Violation

Handler = Callable[[Request], "Response | Awaitable[Response]"]
Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


@dataclass(slots=True)
class RequestRecord:
    """One line of the request log."""

    started: float  # time.time()
    method: str
    target: str  # path and query as received
    status: int
    duration_ms: float
    operation: str
    violations: list[Violation] = field(default_factory=list)
    error: str = ""


class ErrorResponses:
    """The answers the adapter makes itself; plain JSON unless overridden."""

    def too_large(self, limit: int) -> Response:
        return self._json(413, f"Request bodies are limited to {limit} bytes")

    def failed(self, error: str) -> Response:
        return self._json(500, error)

    @staticmethod
    def _json(status: int, message: str) -> Response:
        import json

        body = json.dumps({"error": message}).encode()
        return Response(status, [("content-type", "application/json")], body)


_FOLD = re.compile(r"\r?\n[ \t]+")  # obs-fold: a value continued on the next line
_NAME = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_BAD_VALUE = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")


def wire_headers(headers: list[tuple[str, str]]) -> list[tuple[bytes, bytes]]:
    """Headers as bytes; obs-folds become a space. ValueError for a name or value that
    cannot go on the wire (a CR/LF would end the header, non-Latin-1 has no bytes)."""
    out = []
    for name, value in headers:
        try:
            raw_name, raw_value = name.encode("latin-1"), _FOLD.sub(" ", value).encode("latin-1")
        except UnicodeEncodeError:
            raise ValueError(f"response header {name!r} cannot be sent: not Latin-1") from None
        if not _NAME.fullmatch(raw_name) or _BAD_VALUE.search(raw_value):
            raise ValueError(f"response header {name!r} cannot be sent: invalid name or control character in value")
        out.append((raw_name, raw_value))
    return out


class AsgiApp:
    errors = ErrorResponses()  # subclasses word these answers their way

    def __init__(
        self,
        handler: Handler,
        log: Callable[[RequestRecord], None] | None = None,
        max_body_bytes: int = 16 * 1024 * 1024,
        on_startup: Callable[[], Awaitable[None]] | None = None,
        handler_budget_s: float | None = None,
    ) -> None:
        self.handler = handler
        self.handler_budget_s = handler_budget_s
        self.log = log
        self.max_body_bytes = max_body_bytes
        self.on_startup = on_startup

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope.get("type")
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                if self.on_startup is not None:
                    await self.on_startup()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.time()
        t0 = time.perf_counter()
        raw_path = scope.get("raw_path")
        path = raw_path.decode("utf-8", "replace") if raw_path else str(scope.get("path", "/"))
        query = bytes(scope.get("query_string", b"")).decode("utf-8", "replace")
        method = str(scope.get("method", "GET"))
        headers = [(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope.get("headers", ())]
        body, too_large = await self._body(receive)
        error = ""
        if too_large:
            response = self.errors.too_large(self.max_body_bytes)
        else:
            request = Request(method, path, query, headers, body)
            try:
                response = await self._answer(request)
            except TimeoutError:
                error = f"the answer took longer than {self.handler_budget_s} s"
                response = self.errors.failed(error)
            except Exception as exc:  # a bug must not take the server down
                error = f"{type(exc).__name__}: {exc}"
                response = self.errors.failed(error)
        if response.delay > 0:
            try:
                await asyncio.sleep(response.delay)
            except asyncio.CancelledError:  # the server is stopping: drop the delayed answer
                return
        try:
            out_headers = wire_headers(response.headers)
        except ValueError as exc:  # e.g. a generated value with a line break: never a header injection
            error = str(exc)
            response = self.errors.failed(error)
            out_headers = wire_headers(response.headers)
        out_headers.append((b"content-length", str(len(response.body)).encode()))
        await send({"type": "http.response.start", "status": response.status, "headers": out_headers})
        await send({"type": "http.response.body", "body": response.body if method != "HEAD" else b""})
        if self.log is not None:
            target = path + ("?" + query if query else "")
            duration = (time.perf_counter() - t0) * 1000
            self.log(
                RequestRecord(
                    started, method, target, response.status, duration, response.operation, response.violations, error
                )
            )

    async def _answer(self, request: Request) -> Response:
        if self.handler_budget_s is None:
            result = self.handler(request)
            return await result if inspect.isawaitable(result) else result
        result = await asyncio.wait_for(asyncio.to_thread(self.handler, request), self.handler_budget_s)
        return await asyncio.wait_for(result, self.handler_budget_s) if inspect.isawaitable(result) else result

    async def _body(self, receive: Receive) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return b"", True  # answer now; the server closes the connection
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks), False
