"""The `apictl mock` commands: Prism's flag spellings, fast help."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from apictl.cli import app
from tests.mock.test_server import ROOT, _env


@pytest.mark.parametrize("argv", [["--help"], ["mock", "--help"], ["mock", "serve", "--help"], ["mock", "proxy", "-h"]])
def test_help_is_fast(argv: list[str]) -> None:
    heavy = ("uvicorn", "uvloop", "httptools", "yaml", "orjson", "jsonschema_rs", "httpx", "rich")
    code = (
        "import sys\nfrom apictl.cli import main\n"
        f"sys.argv = ['apictl', *{argv!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code in (0, None), exc.code\n"
        f"print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r} "
        "or m.startswith(('apictl.mock', 'apictl.specs'))))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "LOADED []"


def test_prism_spellings_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}

    def fake_run_serve(args):  # type: ignore[no-untyped-def]
        seen["args"] = args
        return 0

    monkeypatch.setattr("apictl.cli.mock_run.run_serve", fake_run_serve)
    argv = [
        "mock",
        "serve",
        "-p",
        "4011",
        "-d",
        "--cors=false",
        "--json-schema-faker-fillProperties=false",
        "--errors",
        "--seed",
        "3",
        "spec.yaml",
        "-m",
    ]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    args = seen["args"]
    assert (args.port, args.dynamic, args.cors, args.fill, args.errors, args.seed) == (
        4011,
        True,
        False,
        False,
        True,
        3,
    )
    assert args.specs == ["spec.yaml"] and args.workers == 0 and args.host == "127.0.0.1"
