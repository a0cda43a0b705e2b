"""`apictl ci`: lint, breaking changes against the merge base and contract checks, in one gating step."""

from __future__ import annotations

from pathlib import Path

import typer

from apictl.cli import app
from apictl.cli.common import fail, write_output

LEVELS = ("error", "warn", "info", "hint")


@app.command()
def ci(
    contracts: list[str] = typer.Argument(
        None, help="Contract files, folders or globs (default: `ci.contracts` in apictl.yaml, else the config folder)."
    ),
    base: str = typer.Option(
        None,
        "--base",
        "-b",
        help="Git ref to compare with, via its merge base with HEAD (default: ci.base, the PR/MR target, origin/main).",
    ),
    fail_on: str = typer.Option(
        None, "--fail-on", help="Lowest severity that fails the step (default: ci.fail_on, fail_on, warn)."
    ),
    config_file: Path = typer.Option(None, "--config", "-c", help="Config file (default: nearest apictl.yaml)."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore configuration files."),
    no_diff: bool = typer.Option(False, "--no-diff", help="Skip the breaking-change check (no git needed)."),
    sarif: Path = typer.Option(None, "--sarif", help="Write SARIF here (default: ci.outputs.sarif)."),
    junit: Path = typer.Option(None, "--junit", help="Write JUnit XML here (default: ci.outputs.junit)."),
    summary: Path = typer.Option(
        None,
        "--summary",
        help="Write the Markdown summary here (default: ci.outputs.markdown; also $GITHUB_STEP_SUMMARY).",
    ),
    annotations: bool = typer.Option(
        None, "--annotations/--no-annotations", help="Print GitHub annotations (default: on in GitHub Actions)."
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Parallel lint workers (default: one per core)."),
) -> None:
    """Lint all contracts, report breaking changes against the merge base, and gate (exit 0 pass, 1 fail, 2 error)."""
    if fail_on is not None and fail_on not in LEVELS:
        raise fail(f"unknown --fail-on {fail_on!r} (choose from {', '.join(LEVELS)})")
    if jobs < 0:
        raise fail(f"--jobs must be 0 (one per core) or a positive number, got {jobs}")
    import os

    from apictl.ci import summary as render
    from apictl.ci.pipeline import CiRequest, run
    from apictl.core.diagnostic import Severity
    from apictl.core.errors import ApictlError

    request = CiRequest(
        config_file=config_file,
        no_config=no_config,
        base=base,
        fail_on=Severity.parse(fail_on) if fail_on else None,
        contracts=contracts or [],
        diff=not no_diff,
        env=dict(os.environ),
        jobs=jobs,
    )
    try:
        outcome = run(request)
    except ApictlError as exc:
        raise fail(str(exc)) from None

    outputs = outcome.config.ci.outputs
    targets = {
        "sarif": sarif or outputs.get("sarif"),
        "junit": junit or outputs.get("junit"),
        "markdown": summary or outputs.get("markdown"),
    }
    texts = {"sarif": render.sarif, "junit": render.junit, "markdown": render.markdown}
    written = []
    for key, target in targets.items():
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_output(texts[key](outcome), target)
            written.append(os.path.relpath(target) if target.is_absolute() else str(target))
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        try:
            with open(step_summary, "a", encoding="utf-8") as fh:
                fh.write(render.markdown(outcome))
        except OSError as exc:
            raise fail(f"$GITHUB_STEP_SUMMARY ({step_summary}): cannot write: {exc.strerror or exc}") from None
        written.append("$GITHUB_STEP_SUMMARY")

    if annotations is None:
        annotations = os.environ.get("GITHUB_ACTIONS") == "true"
    if annotations and outcome.report_diagnostics:
        typer.echo(render.github_annotations(outcome), nl=False)
    typer.echo(render.text(outcome), nl=False)
    if written:
        typer.echo(f"\nreports: {', '.join(written)}")
    for message in outcome.errors:
        typer.echo(f"apictl: error: {message}", err=True)
    raise typer.Exit(outcome.exit_code)
