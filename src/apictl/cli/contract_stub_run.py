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
    token: str | None = None  # bearer token for pact URLs
    user: str | None = None  # NAME:PASSWORD for pact URLs


def load_pacts(paths: list[str], auth: Any = None) -> list[Any]:
    """Pact files, the `*.json` files of folders (sorted), and http(s) URLs, loaded."""
    from apictl.contract.pact import load_pact
    from apictl.core.errors import InputError

    out = []
    for given in paths:
        if given.startswith(("http://", "https://")):
            out.append(_fetch_pact(given, auth))
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(path.glob("*.json"))
            if not files:
                raise InputError("folder holds no pact files (*.json)", uri=given)
            out.extend(load_pact(f) for f in files)
        else:
            out.append(load_pact(path, given))
    return out


FETCH_TIMEOUT_S = 10.0
FETCH_MAX_BYTES = 20 * 1024 * 1024


def _fetch_pact(url: str, auth: Any) -> Any:
    """A pact from a URL (a broker's pact resource, a file server), bounded in time and size."""
    import httpx

    from apictl.contract.pact import parse_pact
    from apictl.core.errors import InputError
    from apictl.core.loader import decode, parse_text

    chunks: list[bytes] = []
    try:
        with httpx.stream("GET", url, timeout=FETCH_TIMEOUT_S, follow_redirects=True, **auth or {}) as answer:
            if answer.status_code != 200:
                hint = " (check --token / --user)" if answer.status_code in (401, 403) else ""
                raise InputError(f"HTTP {answer.status_code} fetching the pact{hint}", uri=url)
            size = 0
            for chunk in answer.iter_bytes():
                size += len(chunk)
                if size > FETCH_MAX_BYTES:
                    raise InputError(f"the pact is larger than {FETCH_MAX_BYTES} bytes", uri=url)
                chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch the pact: {exc}", uri=url) from None
    return parse_pact(parse_text(decode(b"".join(chunks), url), url))


def fetch_auth(token: str | None, user: str | None) -> dict[str, Any]:
    """httpx keyword arguments for --token (bearer) or --user NAME:PASSWORD (basic)."""
    if token:
        return {"headers": {"Authorization": f"Bearer {token}"}}
    if user:
        name, _, password = user.partition(":")
        return {"auth": (name, password)}
    return {}


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
        pacts = load_pacts(args.pacts, fetch_auth(args.token, args.user))
        engine = build_engine(args, pacts)
    except ApictlError as exc:
        error(str(exc))
        return EXIT_ERROR
    if _report_contradictions(pacts, args.strict) and args.strict:
        return EXIT_ERROR
    if not engine.entries:
        error("no HTTP interactions to serve (check the pacts and the --provider-state/--consumer/--provider filters)")
        return EXIT_ERROR
    return _serve(args, engine)


def _report_contradictions(pacts: list[Any], strict: bool) -> int:
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
        fresh = build_engine(args, load_pacts(args.pacts, fetch_auth(args.token, args.user)))
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

    served = [
        f"{p.uri} ({p.consumer} -> {p.provider}, pact v{p.version}, {len(p.http())} interactions)" for p in engine.pacts
    ]

    def make_app(log: Any) -> AsgiApp:
        app = AsgiApp(engine.handle, log, handler_budget_s=HANDLER_BUDGET_S)
        if args.watch:
            app.on_startup = _watcher(args, engine, app)
        return app

    return serve_app(Listen("apictl contract stub", args.host, args.port, args.log_format), make_app, served)
