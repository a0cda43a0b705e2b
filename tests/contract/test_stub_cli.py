"""`apictl contract stub` through the real entry point: bad input is one
located line and exit 2; a real server answers over HTTP and stops cleanly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.cli.helpers import assert_error_lines, first_error, invoke

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path("tests/contract/fixtures")  # relative: the suite runs from the repo root
PACTS = FIXTURES / "pacts"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.json", "truncated.json:3:1: invalid JSON"),
        ("unknown-version.json", "unknown-version.json:5:38: unknown pact specification version '5.0.0'"),
        ("bad-regex.json", "bad-regex.json:11:59: invalid regular expression '(unclosed'"),
        ("not-a-pact.json", "not-a-pact.json:1:1: not a pact file"),
    ],
)
def test_bad_pact_files(name: str, message: str) -> None:
    result = invoke("contract", "stub", FIXTURES / "bad" / name)
    assert result.exit_code == 2
    assert_error_lines(result)
    assert first_error(result).startswith(f"apictl: error: {FIXTURES / 'bad'}/{message}")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.json"], "apictl: error: missing.json: no such file"),
        (["EMPTY_FOLDER"], "folder holds no pact files"),
        (["--provider-state", "(", str(PACTS)], "--provider-state is not a valid regular expression"),
        (["--log-format", "xml", str(PACTS)], "unknown --log-format 'xml'"),
        (["--consumer", "nobody", str(PACTS)], "no HTTP interactions to serve"),
    ],
)
def test_bad_options(args: list[str], message: str, tmp_path: Path) -> None:
    args = [str(tmp_path) if a == "EMPTY_FOLDER" else a for a in args]
    result = invoke("contract", "stub", *args)
    assert result.exit_code == 2
    assert_error_lines(result)
    assert message in first_error(result)


def test_help_lists_the_stub() -> None:
    result = invoke("contract", "--help")
    assert result.exit_code == 0 and "stub" in result.stdout
    result = invoke("contract", "stub", "--help")
    assert result.exit_code == 0 and "--provider-state" in result.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_stub(*args: str) -> tuple[int, subprocess.Popen[bytes]]:
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "apictl", "contract", "stub", "--port", str(port), "--log-format", "json", *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    deadline = time.monotonic() + 30
    while True:
        assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return port, proc
        except OSError:
            assert time.monotonic() < deadline, "the stub did not start"
            time.sleep(0.05)


@pytest.fixture
def stub() -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    port, proc = start_stub(str(PACTS))
    try:
        yield port, proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_the_stub_serves_pacts_over_http(stub: tuple[int, subprocess.Popen[bytes]]) -> None:
    port, proc = stub
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=10) as client:
        ok = client.get(
            "/items/42", params=[("fields", "name"), ("fields", "stock")], headers={"Accept": "application/json"}
        )
        assert ok.status_code == 200 and ok.json()["name"] == "widget"
        listed = client.get("/items", params={"page": "1"}, headers={"Accept": "application/json"})
        assert listed.status_code == 200 and isinstance(listed.json(), list)
        missing = client.get("/nowhere")
        assert missing.status_code == 500 and missing.json()["error"] == "No interaction matched GET /nowhere"
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0
    text = out.decode()
    assert f"apictl contract stub listening on http://127.0.0.1:{port}" in text
    assert "pact v3, 1 HTTP interaction; 1 message interaction not served (HTTP only)" in text  # v3 has a message
    assert '"path": "/items/42?fields=name&fields=stock", "status": 200' in text
    assert "apictl contract stub stopped" in text


def test_a_port_in_use_is_one_error_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = invoke("contract", "stub", "--port", str(port), PACTS)
    assert result.exit_code == 2
    assert_error_lines(result)
    assert first_error(result).startswith(f"apictl: error: cannot listen on 127.0.0.1:{port}")


def test_help_loads_no_engine() -> None:
    code = (
        "import sys\nfrom apictl.cli import main\n"
        "sys.argv = ['apictl', 'contract', 'stub', '--help']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code in (0, None), exc.code\n"
        "heavy = ('uvicorn', 'httpx', 'orjson', 'yaml', 'apictl.contract', 'apictl.serve')\n"
        "print('LOADED', sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "LOADED []"


def test_watch_reloads_changed_pacts(tmp_path: Path) -> None:
    pact = tmp_path / "pact.json"
    pact.write_text((PACTS / "orders-inventory-v2.json").read_text())
    port, proc = start_stub("--watch", str(pact))
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            assert client.get("/items/99").status_code == 404
            pact.write_text(pact.read_text().replace('"response": {"status": 404}', '"response": {"status": 410}'))
            deadline = time.monotonic() + 15
            while client.get("/items/99").status_code != 410:
                assert time.monotonic() < deadline, "the pact was not reloaded"
                time.sleep(0.2)
            pact.write_text("{ broken")  # a broken save keeps the last good pacts serving
            time.sleep(1.5)
            assert client.get("/items/99").status_code == 410
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    assert "pacts reloaded" in out.decode() and "reload failed" in out.decode()


def test_port_zero_picks_a_free_port_and_says_which() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "apictl", "contract", "stub", "--port", "0", str(PACTS / "orders-inventory-v2.json")]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().decode()
        assert first.startswith("apictl contract stub listening on http://127.0.0.1:"), first
        port = int(first.rsplit(":", 1)[1])
        assert port > 0
        assert httpx.get(f"http://127.0.0.1:{port}/items/99", timeout=10).status_code == 404
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=20)
