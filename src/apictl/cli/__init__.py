"""The command line: parse options, call an engine, render, exit.

Only this package prints or exits. Command modules import their engines
inside the command functions so `apictl --help` stays fast.
"""

from __future__ import annotations

import typer

from apictl import __version__

app = typer.Typer(
    name="apictl",
    help="Lint, diff, generate, mock and contract-test API contracts (OpenAPI, protobuf).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: importing rich + markdown-it costs ~120 ms per start
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"apictl {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """apictl: one fast tool for API contracts."""


from apictl.cli import (  # noqa: E402  (registers them)
    ci_cmd,
    contract_broker_cmd,
    contract_check_cmd,
    contract_cmd,
    contract_verify_cmd,
    diff_cmd,
    gen_cmd,
    gen_server_cmd,
    lint_cmd,
    mock_cmd,
    rules_cmd,
)

__all__ = [
    "app",
    "main",
    "ci_cmd",
    "contract_broker_cmd",
    "contract_check_cmd",
    "contract_cmd",
    "contract_verify_cmd",
    "diff_cmd",
    "gen_cmd",
    "gen_server_cmd",
    "lint_cmd",
    "mock_cmd",
    "rules_cmd",
]


def main() -> None:
    """Entry point: no traceback ever reaches the user unless APICTL_DEBUG is set."""
    import os
    import sys

    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("apictl: interrupted\n")
        raise SystemExit(130) from None
    except Exception as exc:  # last resort: a bug in apictl
        if os.environ.get("APICTL_DEBUG"):
            raise
        sys.stderr.write(f"apictl: internal error: {type(exc).__name__}: {exc} (set APICTL_DEBUG=1 for a traceback)\n")
        raise SystemExit(2) from None
