"""Serving an ASGI app from the CLI, shared by `mock serve`/`mock proxy` and `contract stub`:
bind (port range checked), print the address actually bound (`--port 0` shows the port
the system chose), serve with N workers, print the stop line."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from apictl.cli.common import EXIT_ERROR, error

if TYPE_CHECKING:
    from apictl.serve.asgi import AsgiApp


@dataclass(frozen=True, slots=True)
class Listen:
    name: str  # "apictl mock", "apictl contract stub"
    host: str
    port: int
    log_format: str
    workers: int = 1


def serve_app(
    listen: Listen,
    make_app: Callable[[Callable[[Any], None] | None], AsgiApp],
    describe: list[str],
    on_stop: Callable[[], None] | None = None,
) -> int:
    """Serve until SIGINT/SIGTERM; `make_app(log)` builds the app in each worker."""
    from apictl.cli.mock_log import make_logger, say
    from apictl.serve.server import ServeError, bind, serve_workers

    try:
        sock = bind(listen.host, listen.port)
    except ServeError as exc:
        error(str(exc))
        return EXIT_ERROR
    port = sock.getsockname()[1]
    host = f"[{listen.host}]" if ":" in listen.host else listen.host
    say(listen.log_format, f"{listen.name} listening on http://{host}:{port}", contracts=describe)
    log = make_logger(listen.log_format)
    outcome = serve_workers(lambda: make_app(log), sock, listen.workers)
    if outcome.worker:
        sys.stdout.flush()
        os._exit(outcome.exit_code)
    if on_stop is not None:
        on_stop()
    say(listen.log_format, f"{listen.name} stopped")
    return outcome.exit_code
