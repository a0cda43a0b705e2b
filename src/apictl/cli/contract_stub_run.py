"""What `apictl contract stub` does once its options are parsed: load the pacts,
build the stub engine, bind the port, print where it listens, log requests,
serve until stopped."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.cli.common import EXIT_ERROR, error


@dataclass
class StubArgs:
    pacts: list[str]
    host: str
    port: int
    provider_state: str | None = None
    state_header: str = "X-Pact-Provider-State"
    empty_state: bool = False
    consumers: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    cors: bool = False
    log_format: str = "text"
    seed: int | None = None
    strict: bool = False  # examples contradicting their matchers are errors, not warnings
    watch: bool = False
    state_param: str = "pact-provider-state"
    token: str | None = None  # bearer token for pact URLs on the broker's origin
    user: str | None = None  # NAME:PASSWORD for pact URLs on the broker's origin
    broker_url: str | None = None  # the origin credentials belong to


def load_pacts(args: StubArgs) -> list[Any]:
    """Pact files, folders and URLs (see contract/sources.py: credentials only for the broker's origin)."""
    from apictl.contract.broker.http import BrokerAuth
    from apictl.contract.sources import load_pacts as load

    name, _, password = (args.user or "").partition(":")
    auth = BrokerAuth.from_env(args.token, name or None, password or None)
    return load(args.pacts, args.broker_url, auth)


def run_stub(args: StubArgs) -> int:
    if args.log_format not in ("text", "json", "none"):
        error(f"unknown --log-format {args.log_format!r} (choose from text, json, none)")
        return EXIT_ERROR
    import re

    from apictl.core.errors import ApictlError

    if args.provider_state is not None:
        try:
            re.compile(args.provider_state)
        except re.error as exc:
            error(f"--provider-state is not a valid regular expression: {exc}")
            return EXIT_ERROR
    try:
        pacts = load_pacts(args)
        engine = build_engine(args, pacts)
    except ApictlError as exc:
        error(str(exc))
        return EXIT_ERROR
    if report_contradictions(pacts, args.strict) and args.strict:
        return EXIT_ERROR
    if not engine.entries:
        messages = sum(len(p.messages()) for p in pacts)
        hint = f"; {messages} message interactions are not served: the stub serves HTTP only" if messages else ""
        filters = "--provider-state/--consumer/--provider"
        error(f"no HTTP interactions to serve (check the pacts and the {filters} filters{hint})")
        return EXIT_ERROR
    return _serve(args, engine)


def _served_count(pact: Any) -> str:
    """'2 HTTP interactions', or '1 HTTP interaction; 1 message interaction not served (HTTP only)'."""
    http, messages = len(pact.http()), len(pact.messages())
    text = f"{http} HTTP interaction{'s' if http != 1 else ''}"
    if messages:
        text += f"; {messages} message interaction{'s' if messages != 1 else ''} not served (HTTP only)"
    return text


def report_contradictions(pacts: list[Any], strict: bool) -> int:
    """Examples that fail their own matchers: warnings (the stub serves them
    anyway), or errors with --strict. Returns how many."""
    from apictl.contract.examples import example_problems

    level = "error" if strict else "warning"
    count = 0
    for pact in pacts:
        for d in example_problems(pact):
            where = f"{d.uri}:{d.line}:{d.col}" if d.span else d.uri
            sys.stderr.write(f"apictl: {level}: {where}: {d.message}\n")
            count += 1
    return count


def _watcher(args: StubArgs, engine: Any, app: Any) -> Any:
    """--watch: reload the pact files when they change; a broken file keeps
    the previous pacts serving (see mock/watch.py)."""
    from apictl.cli.mock_log import say
    from apictl.mock.watch import watch_files

    def files(pacts: list[Any]) -> list[Path]:
        return [Path(p.document.path) for p in pacts if p.document is not None and p.document.path]

    def reload() -> Any:
        fresh = build_engine(args, load_pacts(args))
        return fresh.handle, files(fresh.pacts)

    def notify(message: str) -> None:
        say(args.log_format, message.replace("contract", "pacts"))

    async def start() -> None:
        import asyncio

        asyncio.get_running_loop().create_task(watch_files(files(engine.pacts), reload, app, notify))

    return start


def build_engine(args: StubArgs, pacts: list[Any]) -> Any:
    from apictl.contract.stub import StubEngine, StubOptions

    options = StubOptions(
        state_pattern=args.provider_state,
        empty_state=args.empty_state,
        state_header=args.state_header,
        state_param=args.state_param,
        consumers=tuple(args.consumers),
        providers=tuple(args.providers),
        cors=args.cors,
        seed=args.seed,
    )
    return StubEngine(pacts, options)


HANDLER_BUDGET_S = 10.0  # one answer may take this long; then 500 (pacts come from other teams)


def _serve(args: StubArgs, engine: Any) -> int:
    from apictl.cli.serving import Listen, serve_app
    from apictl.serve.asgi import AsgiApp

    served = [f"{p.uri} ({p.consumer} -> {p.provider}, pact v{p.version}, {_served_count(p)})" for p in engine.pacts]

    def make_app(log: Any) -> AsgiApp:
        app = AsgiApp(engine.handle, log, handler_budget_s=HANDLER_BUDGET_S)
        if args.watch:
            app.on_startup = _watcher(args, engine, app)
        return app

    return serve_app(Listen("apictl contract stub", args.host, args.port, args.log_format), make_app, served)
