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


def load_pacts(paths: list[str]) -> list[Any]:
    """Pact files, and the `*.json` files of folders (sorted), loaded."""
    from apictl.contract.pact import load_pact
    from apictl.core.errors import InputError

    out: list[Any] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(path.glob("*.json"))
            if not files:
                raise InputError("folder holds no pact files (*.json)", uri=given)
            out.extend(load_pact(f) for f in files)
        else:
            out.append(load_pact(path, given))
    return out


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
        pacts = load_pacts(args.pacts)
        engine = build_engine(args, pacts)
    except ApictlError as exc:
        error(str(exc))
        return EXIT_ERROR
    _warn_contradictions(pacts)
    if not engine.entries:
        error("no HTTP interactions to serve (check the pacts and the --provider-state/--consumer/--provider filters)")
        return EXIT_ERROR
    return _serve(args, engine)


def _warn_contradictions(pacts: list[Any]) -> None:
    """Examples that fail their own matchers: the stub serves them, but says so."""
    from apictl.contract.examples import example_problems

    for pact in pacts:
        for d in example_problems(pact):
            where = f"{d.uri}:{d.line}:{d.col}" if d.span else d.uri
            sys.stderr.write(f"apictl: warning: {where}: {d.message}\n")


def build_engine(args: StubArgs, pacts: list[Any]) -> Any:
    from apictl.contract.stub import StubEngine, StubOptions

    options = StubOptions(
        state_pattern=args.provider_state,
        empty_state=args.empty_state,
        state_header=args.state_header,
        consumers=tuple(args.consumers),
        providers=tuple(args.providers),
        cors=args.cors,
        seed=args.seed,
    )
    return StubEngine(pacts, options)


def _serve(args: StubArgs, engine: Any) -> int:
    from apictl.cli.mock_log import make_logger, say
    from apictl.serve.asgi import AsgiApp
    from apictl.serve.server import ServeError, bind, serve_workers

    try:
        sock = bind(args.host, args.port)
    except ServeError as exc:
        error(str(exc))
        return EXIT_ERROR
    port = sock.getsockname()[1]
    host = f"[{args.host}]" if ":" in args.host else args.host
    served = [
        f"{p.uri} ({p.consumer} -> {p.provider}, pact v{p.version}, {len(p.http())} interactions)" for p in engine.pacts
    ]
    say(args.log_format, f"apictl contract stub listening on http://{host}:{port}", contracts=served)
    outcome = serve_workers(lambda: AsgiApp(engine.handle, make_logger(args.log_format)), sock, 1)
    say(args.log_format, "apictl contract stub stopped")
    return outcome.exit_code
