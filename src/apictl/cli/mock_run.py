"""What `apictl mock serve|proxy` do once their options are parsed: load the
contracts, build the engine (and its stateful, fault and reload layers), bind
the port, print where it listens, log requests, serve until stopped."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.cli.common import EXIT_ERROR, error


@dataclass
class ServeArgs:
    specs: list[str]
    host: str
    port: int
    dynamic: bool
    errors: bool
    cors: bool
    seed: int | None
    fill: bool | None
    validate_request: bool
    workers: int  # 0: one per core
    stateful: bool
    delay: list[str] = field(default_factory=list)
    chaos: list[str] = field(default_factory=list)
    watch: bool = False
    log_format: str = "text"

    def problem(self) -> str | None:
        if self.log_format not in ("text", "json", "none"):
            return f"unknown --log-format {self.log_format!r} (choose from text, json, none)"
        if self.workers < 0:
            return f"-m must be 0 (one per core) or a positive number, got {self.workers}"
        if self.stateful and self.worker_count() > 1:
            return "--stateful keeps its state in one process: it cannot be combined with -m"
        return None

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)

    def options(self) -> Any:
        from apictl.mock.types import MockOptions

        return MockOptions(
            dynamic=self.dynamic,
            errors=self.errors,
            cors=self.cors,
            seed=self.seed,
            fill_properties=self.fill,
            validate_request=self.validate_request,
            stateful=self.stateful,
        )


def _load(paths: list[str]) -> list[Any]:
    from apictl.mock.spec import load_spec

    return [load_spec(Path(p)) for p in paths]


def build_handler(args: ServeArgs, specs: list[Any], store: Any = None) -> Any:
    """The request handler for the loaded contracts (mount, state, faults)."""
    from apictl.mock.engine import MockEngine
    from apictl.mock.mount import Mount

    options = args.options()
    engines = [MockEngine(spec, options) for spec in specs]
    if store is not None:
        for engine in engines:
            store.attach(engine)
    handler: Any = Mount(engines).handle
    if args.delay or args.chaos:
        from apictl.mock.faults import Faults

        faults = Faults.parse(args.delay, args.chaos, args.seed)
        inner = handler

        def handler(request: Any) -> Any:
            return faults.apply(request, inner(request))

    return handler


def run_serve(args: ServeArgs) -> int:
    problem = args.problem()
    if problem is not None:
        error(problem)
        return EXIT_ERROR
    from apictl.core.errors import ApictlError

    store = None
    if args.stateful:
        from apictl.mock.stateful import Store

        store = Store()  # one store for the server's life, reloads included
    try:
        specs = _load(args.specs)
        handler = build_handler(args, specs, store)
    except ApictlError as exc:
        error(str(exc))
        return EXIT_ERROR
    reload = None
    if args.watch:

        def reload() -> Any:
            fresh = _load(args.specs)
            return build_handler(args, fresh, store), [f for s in fresh for f in s.files()]

    describe = [f"{s.source} ({s.version}, {len(s.items)} paths)" for s in specs]
    files = [f for s in specs for f in s.files()]
    return _serve(args, handler, describe, files, reload)


def run_proxy(args: ServeArgs, upstream: str) -> int:
    problem = args.problem()
    if problem is not None:
        error(problem)
        return EXIT_ERROR
    from apictl.core.errors import ApictlError
    from apictl.mock.proxy import Proxy, valid_upstream

    spec_path = args.specs[0]
    if not valid_upstream(upstream):
        error(f"upstream must be an http(s) URL, got {upstream!r}")
        return EXIT_ERROR
    try:
        (spec,) = _load([spec_path])
    except ApictlError as exc:
        error(str(exc))
        return EXIT_ERROR
    proxy = Proxy(spec, args.options(), upstream)
    return _serve(args, proxy.handle, [f"{spec.source} -> {upstream}"], [], None, proxy.close)


def _serve(
    args: ServeArgs, handler: Any, describe: list[str], files: list[Path], reload: Any, on_stop: Any = None
) -> int:
    from apictl.cli.mock_log import say
    from apictl.cli.serving import Listen, serve_app
    from apictl.mock.asgi import MockApp

    def make_app(log: Any) -> MockApp:
        app = MockApp(handler, log)
        if reload is not None:
            from apictl.mock.watch import watch_files

            async def start() -> None:
                import asyncio

                asyncio.get_running_loop().create_task(
                    watch_files(files, reload, app, lambda msg: say(args.log_format, msg))
                )

            app.on_startup = start
        return app

    listen = Listen("apictl mock", args.host, args.port, args.log_format, args.worker_count())
    return serve_app(listen, make_app, describe, on_stop)
