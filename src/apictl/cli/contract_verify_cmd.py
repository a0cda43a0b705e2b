"""`apictl contract verify`: replay pacts against a running provider (pact-python's Verifier)."""

from __future__ import annotations

from pathlib import Path

import typer

from apictl.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error, fail, use_color, write_output
from apictl.cli.contract_cmd import contract_app

FORMATS = ("text", "json", "sarif", "github", "junit")  # markdown is a change log (diff), not a findings report
LEVELS = ("error", "warn", "info", "hint")


@contract_app.command("verify")
def verify(
    provider: str = typer.Option(..., "--provider", help="The provider's name, as the pacts spell it."),
    base_url: str = typer.Option(..., "--base-url", help="Where the provider runs, e.g. http://127.0.0.1:8000."),
    pact: list[Path] = typer.Option(None, "--pact", help="A pact file; repeatable."),
    pact_dir: list[Path] = typer.Option(None, "--pact-dir", help="A folder of pact files (*.json); repeatable."),
    broker_url: str = typer.Option(
        None,
        "--broker-url",
        help="Fetch the pacts from this broker over the network. Without --pact/--pact-dir, a set "
        "PACT_BROKER_BASE_URL counts as this option; with them, nothing is fetched.",
    ),
    broker_token: str = typer.Option(None, "--broker-token", help="Broker bearer token (or PACT_BROKER_TOKEN)."),
    broker_username: str = typer.Option(None, "--broker-username", help="Broker user (or PACT_BROKER_USERNAME)."),
    broker_password: str = typer.Option(None, "--broker-password", help="Broker password (or PACT_BROKER_PASSWORD)."),
    selector: list[str] = typer.Option(
        None,
        "--consumer-version-selector",
        help='A consumer version selector as JSON, e.g. \'{"branch": "main"}\'; repeatable.',
    ),
    main_branch: bool = typer.Option(False, "--main-branch", help="Selector: the consumers' main branches."),
    deployed_or_released: bool = typer.Option(
        False, "--deployed-or-released", help="Selector: every consumer version deployed or released."
    ),
    consumer_tag: list[str] = typer.Option(None, "--consumer-tag", help="Selector: the latest version with this tag."),
    include_pending: bool = typer.Option(False, "--include-pending", help="Verify pending pacts (failures only warn)."),
    include_wip_since: str = typer.Option(None, "--include-wip-since", help="Also work-in-progress pacts since DATE."),
    state_change_url: str = typer.Option(None, "--state-change-url", help="URL the verifier POSTs provider states to."),
    state_hook: str = typer.Option(None, "--state-hook", help="Python provider-state hook, module:function."),
    state_teardown: bool = typer.Option(
        True, "--state-teardown/--no-state-teardown", help="Also call states' teardown."
    ),
    consumer: list[str] = typer.Option(None, "--consumer", help="Verify only this consumer's pacts; repeatable."),
    header: list[str] = typer.Option(None, "--header", "-H", help="'Name: value' added to every request; repeatable."),
    timeout: float = typer.Option(5.0, "--timeout", help="Seconds to wait for each provider response."),
    fail_if_no_pacts: bool = typer.Option(
        True, "--fail-if-no-pacts/--no-fail-if-no-pacts", help="Exit 2 when there is no pact to verify."
    ),
    publish: bool = typer.Option(False, "--publish", help="Publish the results to the broker."),
    provider_version: str = typer.Option(
        None, "--provider-version", help="The provider version to publish results for."
    ),
    branch: str = typer.Option(None, "--branch", help="The provider's branch (recorded when publishing)."),
    provider_tag: list[str] = typer.Option(None, "--provider-tag", help="Tag for the provider version; repeatable."),
    build_url: str = typer.Option(None, "--build-url", help="The CI build, linked from the published results."),
    fmt: str = typer.Option("text", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    fail_on: str = typer.Option("error", "--fail-on", help="Lowest severity that makes the exit code 1."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also print the verifier's own report on stderr."),
    color: bool = typer.Option(None, "--color/--no-color", help="Colour the text output (default: on a terminal)."),
) -> None:
    """Verify a running provider against consumer pacts (exit 1 when an interaction fails).
    Only --broker-url (or PACT_BROKER_BASE_URL, without --pact/--pact-dir) reaches a broker."""
    if fmt not in FORMATS:
        raise fail(f"unknown --format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fail_on not in LEVELS:
        raise fail(f"unknown --fail-on {fail_on!r} (choose from {', '.join(LEVELS)})")
    from apictl.cli.contract_verify_run import build_request, report
    from apictl.contract.verify.run import run
    from apictl.core.diagnostic import Severity
    from apictl.core.errors import ApictlError

    request = build_request(dict(locals()))  # every option above, by name
    try:
        outcome = run(request)
    except ApictlError as exc:
        raise fail(str(exc)) from None
    if verbose and outcome.output:
        error("verifier output follows\n" + outcome.output.rstrip())
    write_output(report(outcome, fmt, use_color(color) if output is None and fmt == "text" else False), output)
    for message in outcome.publish_errors:
        error(message)
    if outcome.publish_errors:
        raise typer.Exit(EXIT_ERROR)
    threshold = Severity.parse(fail_on)
    raise typer.Exit(EXIT_FINDINGS if any(d.severity >= threshold for d in outcome.diagnostics) else EXIT_CLEAN)
