"""`apictl diff`: breaking changes between two versions of an OpenAPI description or of a
set of protobuf files (folders, `.proto` files, buf images; buf's breaking rules)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from apictl.cli import app
from apictl.cli.common import EXIT_CLEAN, EXIT_FINDINGS, fail, use_color, write_output

FORMATS = ("text", "json", "sarif", "github", "junit", "markdown", "changelog")
LEVELS = ("error", "warn", "info", "hint")


@app.command()
def diff(
    old: str = typer.Argument(
        ...,
        help="Previous version: a file, a folder, a buf image, or GIT_REF:path (e.g. origin/main:api.yaml).",
    ),
    new: str = typer.Argument(..., help="Current version: a file, a folder, a buf image, or GIT_REF:path."),
    fmt: str = typer.Option("text", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout."),
    fail_on: str = typer.Option(None, "--fail-on", help="Lowest severity that makes the exit code 1 (default: warn)."),
    config_file: Path = typer.Option(None, "--config", "-c", help="Config file (default: nearest apictl.yaml)."),
    no_config: bool = typer.Option(False, "--no-config", help="Ignore configuration files."),
    disable: list[str] = typer.Option(None, "--disable", help="Switch a rule off (name or code); repeatable."),
    ref_root: Path = typer.Option(None, "--ref-root", help="Folder that file $refs may not leave."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Fetch http(s) $refs (off by default)."),
    color: bool = typer.Option(None, "--color/--no-color", help="Colour the text output (default: on a terminal)."),
) -> None:
    """Report breaking changes between two OpenAPI descriptions or protobuf trees (exit 1 when any is
    at/above --fail-on). Protobuf: buf's breaking rules, selected by buf.yaml `breaking:` (default FILE)."""
    if fmt not in FORMATS:
        raise fail(f"unknown --format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fail_on is not None and fail_on not in LEVELS:
        raise fail(f"unknown --fail-on {fail_on!r} (choose from {', '.join(LEVELS)})")
    from apictl.core.diagnostic import Severity
    from apictl.core.errors import ApictlError
    from apictl.diff.proto.sides import is_proto_side
    from apictl.report import render

    outcome: Any
    try:
        if is_proto_side(old) or is_proto_side(new):
            from apictl.diff.proto.run import ProtoDiffRequest, run_proto

            outcome = run_proto(ProtoDiffRequest(old, new, config_file, no_config, disable=disable or []))
        else:
            from apictl.diff.run import DiffRequest, run

            request = DiffRequest(old, new, config_file, no_config, ref_root, allow_remote, disable=disable or [])
            outcome = run(request)
    except ApictlError as exc:
        raise fail(str(exc)) from None
    ctx = outcome.report_context(color=use_color(color) if output is None and fmt == "text" else False)
    write_output(render(fmt, outcome.diagnostics, ctx), output)
    threshold = Severity.parse(fail_on) if fail_on else (outcome.config_fail_on or Severity.WARN)
    raise typer.Exit(EXIT_FINDINGS if any(d.severity >= threshold for d in outcome.diagnostics) else EXIT_CLEAN)
