"""`apictl mock serve` and `apictl mock proxy`: Prism-compatible mock and
validating proxy servers. Flags are spelled as Prism spells them (`-d`,
`--errors`, `--cors=false`, `--json-schema-faker-fillProperties=false`, `-m`);
the work is in `mock_run.py`."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from apictl.cli import app

_BOOL_FLAGS = ("--dynamic", "--errors", "--cors", "--json-schema-faker-fillProperties", "--validate-request")


class _PrismFlags(TyperGroup):
    """Accepts yargs spellings: `--cors=false` is `--no-cors`, `-m` alone is `-m 0`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        out: list[str] = []
        for i, tok in enumerate(args):
            name, eq, value = tok.partition("=")
            if eq and name in _BOOL_FLAGS and value.lower() in ("true", "false"):
                out.append(name if value.lower() == "true" else "--no-" + name[2:])
            elif tok in ("-m", "--multiprocess") and not (i + 1 < len(args) and args[i + 1].isdigit()):
                out += [tok, "0"]
            else:
                out.append(tok)
        return list(super().parse_args(ctx, out))


mock_app = typer.Typer(
    cls=_PrismFlags, help="Serve contracts as mock servers or validating proxies.", no_args_is_help=True
)
app.add_typer(mock_app, name="mock")


@mock_app.command("serve")
def serve(
    specs: list[str] = typer.Argument(..., help="Contracts (OpenAPI 2.0/3.x, Postman); several mount by base path."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(4010, "--port", "-p", help="Port to listen on."),
    dynamic: bool = typer.Option(False, "--dynamic/--no-dynamic", "-d", help="Generate bodies from schemas."),
    errors: bool = typer.Option(False, "--errors/--no-errors", help="Response violations become 500 errors."),
    cors: bool = typer.Option(True, "--cors/--no-cors", help="Answer CORS (--cors=false turns it off)."),
    seed: int = typer.Option(None, "--seed", help="Seed for dynamic data (reproducible responses)."),
    fill: bool = typer.Option(
        None,
        "--json-schema-faker-fillProperties/--no-json-schema-faker-fillProperties",
        help="Fill additionalProperties in dynamic data (default: the spec's, or on).",
    ),
    validate_request: bool = typer.Option(True, "--validate-request/--no-validate-request", help="Check requests."),
    workers: int = typer.Option(1, "--multiprocess", "-m", help="Worker processes (-m alone: one per core)."),
    stateful: bool = typer.Option(False, "--stateful", help="CRUD: POST stores, GET returns, PUT/PATCH/DELETE change."),
    delay: list[str] = typer.Option(None, "--delay", help="Latency: MS, 'MIN-MAX' or 'ROUTE=MS'; repeatable."),
    chaos: list[str] = typer.Option(None, "--chaos", help="Fault rate 0-1 (500/503/timeout) or 'ROUTE=RATE'."),
    watch: bool = typer.Option(False, "--watch", help="Reload the contracts when their files change."),
    log_format: str = typer.Option("text", "--log-format", help="Request log: text, json or none."),
    verbose_level: str = typer.Option(None, "--verboseLevel", "-v", hidden=True),
) -> None:
    """Serve contracts as a mock server."""
    from apictl.cli.mock_run import ServeArgs, run_serve

    args = ServeArgs(
        specs,
        host,
        port,
        dynamic,
        errors,
        cors,
        seed,
        fill,
        validate_request,
        workers,
        stateful,
        delay or [],
        chaos or [],
        watch,
        log_format,
    )
    raise typer.Exit(run_serve(args))


@mock_app.command("proxy")
def proxy(
    spec: str = typer.Argument(..., help="The contract (OpenAPI 2.0/3.x, Postman)."),
    upstream: str = typer.Argument(..., help="The real service, e.g. http://localhost:8080."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(4010, "--port", "-p", help="Port to listen on."),
    errors: bool = typer.Option(False, "--errors/--no-errors", help="Violations become error responses."),
    cors: bool = typer.Option(True, "--cors/--no-cors", help="Answer CORS (--cors=false turns it off)."),
    validate_request: bool = typer.Option(True, "--validate-request/--no-validate-request", help="Check requests."),
    log_format: str = typer.Option("text", "--log-format", help="Request log: text, json or none."),
    verbose_level: str = typer.Option(None, "--verboseLevel", "-v", hidden=True),
) -> None:
    """Forward to UPSTREAM, validating requests and responses against the contract."""
    from apictl.cli.mock_run import ServeArgs, run_proxy

    args = ServeArgs(
        [spec], host, port, False, errors, cors, None, None, validate_request, 1, False, [], [], False, log_format
    )
    raise typer.Exit(run_proxy(args, upstream))
