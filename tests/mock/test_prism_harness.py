"""Prism's own test harness (../shared/peer-suites/prism-harness) run against
`apictl mock serve` / `apictl mock proxy`, through the peer-suites runner.

Every case passes today: 187 mock cases (OpenAPI 2.0, 3.0, 3.1 and Postman
collections) and 5 proxy cases against a local httpbin. The counts below are
floors — raise them, never lower them."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
RUNNER = SHARED / "peer-suites" / "run_prism_harness.py"
HARNESS = SHARED / "peer-suites" / "prism-harness"

MOCK_CASES_PASSING = 187  # of 187: every non-proxy case (2.0, 3.0, 3.1, Postman)
PROXY_CASES_PASSING = 5  # of 5, with httpbin as the upstream

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not RUNNER.exists(), reason=f"Prism harness not found at {HARNESS} (../shared is absent)"),
]


def _free_ports(n: int) -> list[int]:
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in socks]
    finally:
        for s in socks:
            s.close()


def _run(*extra: str) -> tuple[int, int, str]:
    python = sys.executable
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [
        python,
        str(RUNNER),
        str(HARNESS),
        "--server",
        f"{python} -m apictl mock serve --log-format none --port {{port}} {{flags}} {{spec}}",
        "--ports",
        ",".join(map(str, _free_ports(2))),
        "-j",
        "2",
        *extra,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    m = re.search(r"^(\d+) passed, (\d+) failed$", proc.stdout, re.M)
    assert m, proc.stdout[-3000:] + proc.stderr[-3000:]
    return int(m.group(1)), int(m.group(2)), proc.stdout


def test_mock_cases() -> None:
    passed, failed, out = _run("--skip-proxy")
    failures = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert passed >= MOCK_CASES_PASSING, "\n".join(failures)


@pytest.fixture()
def httpbin_upstream() -> Iterator[str]:
    httpbin = pytest.importorskip("httpbin", reason="the proxy cases need httpbin (pip install httpbin)")
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, httpbin.app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def test_proxy_cases(httpbin_upstream: str) -> None:
    python = sys.executable
    passed, failed, out = _run(
        "--only",
        "proxy/",
        "--proxy-server",
        f"{python} -m apictl mock proxy --log-format none --port {{port}} {{flags}} {{spec}} {{upstream}}",
        "--upstream-map",
        f"http://httpbin.org={httpbin_upstream}",
    )
    failures = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert passed >= PROXY_CASES_PASSING, "\n".join(failures)
