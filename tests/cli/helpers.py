"""Run the CLI in-process through its real entry point (`apictl.cli.app`)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from apictl.cli import app

ROOT = Path(__file__).resolve().parents[2]
BAD = Path("tests/fixtures/bad")  # relative: the suite runs from the repo root
CONFIG = Path("tests/fixtures/config")
FIXTURES = Path("tests/cli/fixtures")


def invoke(*args: str | os.PathLike[str], **kwargs: Any) -> Result:
    """Invoke `apictl ARGS`; never a traceback, never an escaped exception."""
    result = CliRunner().invoke(app, [str(a) for a in args], **kwargs)
    for name in ("stdout", "stderr"):
        text = getattr(result, name)
        assert "Traceback" not in text, f"traceback on {name}:\n{text}"
        assert "internal error" not in text, f"internal error on {name}:\n{text}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"apictl {args} raised {result.exception!r}") from result.exception
    return result


def first_error(result: Result) -> str:
    """First line of stderr, with the absolute repo path replaced by <ROOT>."""
    lines = result.stderr.splitlines()
    assert lines, "expected an error on stderr"
    return lines[0].replace(str(ROOT), "<ROOT>")


def assert_error_lines(result: Result) -> None:
    """Every line on stderr is a one-line `apictl: error: …` message."""
    lines = result.stderr.splitlines()
    assert lines, "expected an error on stderr"
    for line in lines:
        assert line.startswith("apictl: error: "), line


def lint_json(*args: str | os.PathLike[str]) -> tuple[Result, dict[str, Any]]:
    """`apictl lint --format json ARGS`, parsed."""
    result = invoke("lint", "--format", "json", *args)
    return result, json.loads(result.stdout)


def codes(report: dict[str, Any]) -> list[str]:
    return [d["code"] for d in report["diagnostics"]]
