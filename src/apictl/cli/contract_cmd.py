"""`apictl contract`: consumer-driven contract testing with Pact.

This module owns the `contract` group (`contract_app`) and its `stub`
command; other contract commands live in their own `cli/contract_*` modules
and register on `contract_app`. The work of `stub` is in `contract_stub_run.py`."""

from __future__ import annotations

import typer

from apictl.cli import app

contract_app = typer.Typer(
    help="Consumer-driven contract testing with Pact: stub providers, checks, verification, broker.",
    no_args_is_help=True,
)
app.add_typer(contract_app, name="contract")

# pact URLs (stub, check): credentials go to the broker's origin only (contract/sources.py)
TOKEN_OPTION = typer.Option(
    None, "--token", envvar="PACT_BROKER_TOKEN", help="Bearer token, sent only to pact URLs on --broker-url's origin."
)
USER_OPTION = typer.Option(None, "--user", help="NAME:PASSWORD (basic auth), sent only to --broker-url's origin.")
BROKER_URL_OPTION = typer.Option(
    None,
    "--broker-url",
    envvar="PACT_BROKER_BASE_URL",
    help="The broker whose pact URLs get --token/--user (other URLs are fetched without credentials).",
)


@contract_app.command("stub")
def stub(
    pacts: list[str] = typer.Argument(..., help="Pact files, folders of pact files or pact URLs (v1-v4)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8080, "--port", "-p", help="Port to listen on (0: any free port)."),
    provider_state: str = typer.Option(
        None, "--provider-state", "-s", help="Serve only interactions whose provider state matches this regex."
    ),
    state_header: str = typer.Option(
        "X-Pact-Provider-State",
        "--provider-state-header-name",
        help="Request header naming the provider state to answer for, when several interactions match.",
    ),
    state_param: str = typer.Option(
        "pact-provider-state",
        "--provider-state-param-name",
        help="Query parameter naming the provider state (removed before matching); like the header.",
    ),
    empty_state: bool = typer.Option(
        False, "--empty-provider-state", help="With --provider-state, also serve interactions without a state."
    ),
    consumer: list[str] = typer.Option(None, "--consumer", help="Serve only pacts of this consumer; repeatable."),
    provider: list[str] = typer.Option(None, "--provider", help="Serve only pacts of this provider; repeatable."),
    cors: bool = typer.Option(False, "--cors", help="Answer CORS preflight (OPTIONS) requests."),
    log_format: str = typer.Option("text", "--log-format", help="Request log: text, json or none."),
    seed: int = typer.Option(None, "--seed", help="Seed for generated values (reproducible responses)."),
    strict: bool = typer.Option(False, "--strict", help="Refuse pacts whose examples contradict their own matchers."),
    watch: bool = typer.Option(False, "--watch", help="Reload the pacts when their files change."),
    token: str = TOKEN_OPTION,
    user: str = USER_OPTION,
    broker_url: str = BROKER_URL_OPTION,
) -> None:
    """Serve pacts as a stub provider: each request is answered with the response
    of the interaction whose request it matches (Pact matching rules), generators
    applied; a request no interaction matches gets 500 with the mismatches."""
    from apictl.cli.contract_stub_run import StubArgs, run_stub

    args = StubArgs(
        pacts,
        host,
        port,
        provider_state,
        state_header,
        empty_state,
        consumer or [],
        provider or [],
        cors,
        log_format,
        seed,
        strict,
        watch,
        state_param,
        token,
        user,
        broker_url,
    )
    raise typer.Exit(run_stub(args))
