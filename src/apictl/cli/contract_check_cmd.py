"""`apictl contract check`: pacts against the provider's OpenAPI description,
without running anything (swagger-mock-validator's checks and codes)."""

from __future__ import annotations

from pathlib import Path

import typer

from apictl.cli.common import EXIT_CLEAN, EXIT_FINDINGS, fail, use_color, write_output
from apictl.cli.contract_cmd import BROKER_URL_OPTION, TOKEN_OPTION, USER_OPTION, contract_app

FORMATS = ("text", "json", "sarif", "github", "junit", "markdown")
LEVELS = ("error", "warn", "info", "hint")


@contract_app.command("check")
def check(
    pacts: list[str] = typer.Argument(
        ..., help="Pact files (v1-v4), folders of them, or http(s) URLs (a broker's pact)."
    ),
    spec: str = typer.Option(..., "--spec", "-s", help="The provider's OpenAPI description (2.0, 3.0, 3.1)."),
    additional_properties: bool = typer.Option(
        False,
        "--additional-properties-in-response/--no-additional-properties-in-response",
        "-A",
        help="Let pact responses have properties the response schema does not define.",
    ),
    required_properties: bool = typer.Option(
        False,
        "--required-properties-in-response/--no-required-properties-in-response",
        "-R",
        help="Require pact responses to have every property the response schema marks required.",
    ),
    fmt: str = typer.Option("text", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    fail_on: str = typer.Option("error", "--fail-on", help="Lowest severity that makes the exit code 1."),
    ref_root: Path = typer.Option(None, "--ref-root", help="Folder that the description's file $refs may not leave."),
    token: str = TOKEN_OPTION,
    user: str = USER_OPTION,
    broker_url: str = BROKER_URL_OPTION,
    color: bool = typer.Option(None, "--color/--no-color", help="Colour the text output (default: on a terminal)."),
) -> None:
    """Check consumer pacts against the provider's OpenAPI description
    (exit 1 when a finding is at/above --fail-on, 2 on unreadable input)."""
    if fmt not in FORMATS:
        raise fail(f"unknown --format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fail_on not in LEVELS:
        raise fail(f"unknown --fail-on {fail_on!r} (choose from {', '.join(LEVELS)})")
    from apictl import __version__
    from apictl.contract.broker.http import BrokerAuth
    from apictl.contract.check.codes import CODES
    from apictl.contract.check.run import CheckRequest, run
    from apictl.contract.check.spec import CheckOptions
    from apictl.core.diagnostic import Severity
    from apictl.core.errors import ApictlError
    from apictl.report import ReportContext, RuleInfo, render

    request = CheckRequest(pacts, spec, CheckOptions(additional_properties, required_properties), ref_root)
    request.broker_url = broker_url
    try:
        name, _, password = (user or "").partition(":")
        request.auth = BrokerAuth.from_env(token, name or None, password or None)
        outcome = run(request)
    except ApictlError as exc:
        raise fail(str(exc)) from None
    from apictl.contract import examples

    rules = {c.code: RuleInfo(c.code, c.rule, c.summary, c.severity.label) for c in CODES.values()}
    rules[examples.CODE] = RuleInfo(examples.CODE, examples.RULE, examples.SUMMARY, "error")
    ctx = ReportContext(
        tool_version=__version__,
        source=outcome.texts.get,
        rules=rules,
        color=use_color(color) if output is None and fmt == "text" else False,
        files_checked=outcome.files,
        title="apictl contract check",
    )
    write_output(render(fmt, outcome.diagnostics, ctx), output)
    threshold = Severity.parse(fail_on)
    raise typer.Exit(EXIT_FINDINGS if any(d.severity >= threshold for d in outcome.diagnostics) else EXIT_CLEAN)
