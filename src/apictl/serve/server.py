"""The HTTP server: the one module that imports uvicorn (with httptools and
uvloop when installed).

The listening socket is bound here first, so the port is open (and a bad
host/port reported) before any worker starts. With `workers > 1` the process
forks that many workers sharing the socket — the contract, already loaded,
is shared copy-on-write, so `-m N` starts as fast as one worker. SIGINT and
SIGTERM stop the server cleanly: workers finish the requests in flight, then
exit, and so does the parent."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from apictl.core.errors import ApictlError

HEADER_TIMEOUT_S = 10.0  # to send a request's head (request line and headers)
MAX_CONNECTIONS = 4096  # beyond, new connections get 503 (uvicorn's limit_concurrency)


class ServeError(ApictlError):
    """The server cannot start (port taken, bad host)."""


_stop_requested: list[int] = []


def _early_stop(signum: int, _frame: Any) -> None:
    _stop_requested.append(signum)


def bind(host: str, port: int) -> socket.socket:
    """The listening socket. From here on SIGINT/SIGTERM mean a clean stop, even
    if they arrive before the server loop runs."""
    if not 0 <= port <= 65535:
        raise ServeError(f"--port must be 0-65535 (0: any free port), got {port}")
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, _early_stop)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError(f"cannot resolve host {host!r}: {exc.strerror}") from None
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _config(app: Any, sock: socket.socket) -> Any:
    import uvicorn

    loop = "uvloop" if _has("uvloop") else "asyncio"
    http: Any = _guarded_httptools() if _has("httptools") else "h11"
    return uvicorn.Config(
        app,
        fd=None,
        loop=loop,
        http=http,
        lifespan="on",
        log_config=None,
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        date_header=True,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=5,
        h11_max_incomplete_event_size=64 * 1024,
        limit_concurrency=MAX_CONNECTIONS,
    )


def _guarded_httptools() -> Any:
    """uvicorn's httptools protocol with a deadline for the request head: a
    client that has not sent its headers HEADER_TIMEOUT_S after starting (or
    after connecting) gets 408 and is disconnected (slowloris)."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class GuardedProtocol(HttpToolsProtocol):
        _deadline: Any = None

        def _arm(self) -> None:
            if self._deadline is None:
                self._deadline = self.loop.call_later(HEADER_TIMEOUT_S, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _too_slow(self) -> None:
            self._deadline = None
            if not self.transport.is_closing():
                self.transport.write(b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                self.transport.close()

    return GuardedProtocol


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def serve(app: Any, sock: socket.socket) -> None:
    """Serve `app` on the bound socket until SIGINT/SIGTERM, then return."""
    import uvicorn

    class Server(uvicorn.Server):
        # uvicorn re-raises the stopping signal once shut down; a stop we asked
        # for is a normal end here, so only record it.
        def handle_exit(self, sig: int, frame: Any) -> None:
            if self.should_exit and sig == signal.SIGINT:
                self.force_exit = True
            else:
                self.should_exit = True

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            # Until uvicorn's handlers are in place, a stop signal lands in
            # `_stop_requested` (see `bind`); read it once they are, so a signal
            # sent while the event loop starts is not lost.
            with super().capture_signals():
                if _stop_requested:
                    self.should_exit = True
                yield

    server = Server(_config(app, sock))
    server.run(sockets=[sock])


@dataclass(frozen=True, slots=True)
class Outcome:
    """How serving ended. In a forked worker (`worker`), the caller must end the
    process at once with `exit_code` (`os._exit`), running no parent cleanup."""

    worker: bool
    exit_code: int


def serve_workers(make_app: Callable[[], Any], sock: socket.socket, workers: int) -> Outcome:
    """Serve `make_app()` on `sock` — in this process, or in `workers` forked
    processes that this one waits for (forwarding SIGINT/SIGTERM)."""
    if workers <= 1:
        serve(make_app(), sock)
        return Outcome(False, 0)
    children: list[int] = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # worker
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            try:
                serve(make_app(), sock)
            except Exception:
                return Outcome(True, 1)
            return Outcome(True, 0)
        children.append(pid)

    def forward(signum: int, _frame: Any) -> None:
        for child in children:
            try:
                os.kill(child, signal.SIGTERM if signum == signal.SIGTERM else signal.SIGINT)
            except ProcessLookupError:
                pass

    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    failed = 0
    try:
        remaining = set(children)
        while remaining:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            except InterruptedError:
                continue
            if pid in remaining:
                remaining.discard(pid)
                if os.waitstatus_to_exitcode(status) not in (0, -signal.SIGINT, -signal.SIGTERM):
                    failed += 1
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        sock.close()
    return Outcome(False, 1 if failed else 0)
