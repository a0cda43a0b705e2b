"""`apictl lint`: lint OpenAPI contracts."""

from __future__ import annotations

from pathlib import Path

import typer

from apictl.cli import app
from apictl.cli.common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error, fail, use_color, write_output

FORMATS = ("text", "json", "sarif", "github", "junit")
LEVELS = ("error", "warn", "info", "hint")


@app.command()
def lint(
    paths: list[str] = typer.Argument(None, help="Files, folders or globs (default: the current folder)."),
    fmt: str = typer.Option("text", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    fail_on: str = typer.Option(None, "--fail-on", help="Lowest severity that makes the exit code 1 (default: warn)."),
    preset: str = typer.Option(
        None,
        "--preset",
        help="Presets, comma-separated: minimal, recommended, all, scale-ready, aip (overrides config).",
    ),
    config_file: Path = typer.Option(
        None, "--config", "-c", help="Config file (default: nearest apictl.yaml or pyproject.toml)."
    ),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore configuration files."),
    disable: list[str] = typer.Option(None, "--disable", help="Switch a rule off (name or code); repeatable."),
    ref_root: Path = typer.Option(
        None, "--ref-root", help="Folder that file $refs may not leave (default: the linted file's folder)."
    ),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Fetch http(s) $refs (off by default)."),
    jobs: int = typer.Option(
        0, "--jobs", "-j", help="Parallel worker processes (default: one per core when linting several files)."
    ),
    color: bool = typer.Option(
        None, "--color/--no-color", help="Colour the text output (default: when stdout is a terminal)."
    ),
    ruleset: str = typer.Option(
        None, "--ruleset", "-r", help="Spectral ruleset (YAML/JSON file, or spectral:oas) instead of presets."
    ),
    proto_path: list[Path] = typer.Option(
        None, "--proto-path", "-I", help="Extra protobuf import root (besides buf.yaml module roots); repeatable."
    ),
) -> None:
    """Lint OpenAPI 2.0/3.0/3.1/3.2 documents and protobuf files (.proto, buf images)."""
    if fmt not in FORMATS:
        raise fail(f"unknown --format {fmt!r} (choose from {', '.join(FORMATS)})")
    if jobs < 0:
        raise fail(f"--jobs must be 0 (one per core) or a positive number, got {jobs}")
    if fail_on is not None and fail_on not in LEVELS:
        raise fail(f"unknown --fail-on {fail_on!r} (choose from {', '.join(LEVELS)})")
    from apictl.cli.progress import FileProgress
    from apictl.core.errors import ApictlError
    from apictl.lint.run import RunRequest, run

    progress = FileProgress()

    request = RunRequest(
        paths=paths or ["."],
        preset=preset,
        config_file=config_file,
        no_config=no_config,
        disable=disable or [],
        ref_root=ref_root,
        allow_remote=allow_remote,
        jobs=jobs,
        source_lines=fmt == "text",
        progress=progress.callback,
        proto_paths=proto_path or [],
        ruleset=ruleset,
    )
    try:
        outcome = run(request)
    except ApictlError as exc:
        raise fail(str(exc)) from None
    finally:
        progress.close()
    for message in outcome.warnings:
        typer.echo(f"apictl: warning: {message}", err=True)
    for message in outcome.errors:
        error(message)
    from apictl.report import render

    ctx = outcome.report_context(color=use_color(color) if output is None and fmt == "text" else False)
    write_output(render(fmt, outcome.diagnostics, ctx), output)
    from apictl.core.diagnostic import Severity

    threshold = Severity.parse(fail_on) if fail_on else (outcome.config_fail_on or Severity.WARN)
    if outcome.errors:
        raise typer.Exit(EXIT_ERROR)
    if any(d.severity >= threshold for d in outcome.diagnostics):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_CLEAN)
