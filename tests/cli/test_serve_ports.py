"""`mock serve` and `contract stub` share one serving path: ports outside 0-65535 are
refused (exit 2), and the start line names the port actually bound (`--port 0`)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.cli.helpers import assert_error_lines, first_error, invoke

ROOT = Path(__file__).resolve().parents[2]
SPEC = Path("tests/mock/fixtures/petstore.yaml")  # relative: the suite runs from the repo root
PACTS = Path("tests/contract/fixtures/pacts")


@pytest.mark.parametrize("command", [["mock", "serve", str(SPEC)], ["contract", "stub", str(PACTS)]])
@pytest.mark.parametrize("port", ["99999", "-1", "65536"])
def test_ports_outside_the_range_are_refused(command: list[str], port: str) -> None:
    result = invoke(*command, "--port", port)
    assert result.exit_code == 2
    assert_error_lines(result)
    assert first_error(result) == f"apictl: error: --port must be 0-65535 (0: any free port), got {port}"


@pytest.mark.parametrize(
    ("command", "name"),
    [(["mock", "serve", str(SPEC)], "apictl mock"), (["contract", "stub", str(PACTS)], "apictl contract stub")],
)
def test_port_zero_prints_the_port_bound(command: list[str], name: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "apictl", *command, "--port", "0", "--log-format", "text"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=ROOT, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        found = re.fullmatch(rf"{name} listening on http://127\.0\.0\.1:(\d+)\n", first)
        assert found, first
        port = int(found.group(1))
        assert port != 0
        assert httpx.get(f"http://127.0.0.1:{port}/nowhere", timeout=10).status_code in (404, 500)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
        assert proc.returncode == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
