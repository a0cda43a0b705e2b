"""The real server: a process on 127.0.0.1 and a free port, stopped by the test.
Malformed requests get 4xx (never 500, never a crash); SIGTERM and SIGINT stop
it cleanly; --watch reloads without closing the port; -m forks workers."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.mock.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


class Server:
    def __init__(self, *args: str) -> None:
        self.port = _free_port()
        cmd = [sys.executable, "-m", "apictl", "mock", "serve", "--port", str(self.port), *args]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=_env(), cwd=ROOT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.proc.stdout.read().decode() if self.proc.stdout else ""
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("server did not start")

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, dict(resp.getheaders()), resp.read()
        finally:
            conn.close()

    def raw(self, data: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(data)
            chunks = []
            try:
                while chunk := s.recv(65536):
                    chunks.append(chunk)
                    if b"\r\n\r\n" in b"".join(chunks):
                        break
            except (ConnectionResetError, TimeoutError):
                pass
            return b"".join(chunks)

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, str]:
        self.proc.send_signal(sig)
        try:
            out, _ = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
        return self.proc.returncode, out.decode()


@pytest.fixture()
def server() -> Iterator[Server]:
    srv = Server(str(FIXTURES / "petstore.yaml"), "--log-format", "json")
    yield srv
    if srv.proc.poll() is None:
        srv.stop()


def test_serves_and_stops_cleanly_on_sigterm(server: Server) -> None:
    status, headers, body = server.request("GET", "/v1/pets/mine")
    assert status == 200 and json.loads(body) == [{"id": 7, "name": "Mine"}]
    assert headers["content-type"] == "application/json" and "date" in headers
    code, out = server.stop(signal.SIGTERM)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["event"].startswith("apictl mock listening on http://127.0.0.1:")
    assert lines[1]["path"] == "/v1/pets/mine" and lines[1]["status"] == 200
    assert lines[-1]["event"] == "apictl mock stopped"


def test_sigint_stops_cleanly(server: Server) -> None:
    code, out = server.stop(signal.SIGINT)
    assert code == 0 and "stopped" in out


def test_malformed_requests_get_4xx(server: Server) -> None:
    assert server.request("POST", "/pets", b'{"name": ', {"Content-Type": "application/json"})[0] == 400
    assert server.request("GET", "/pets/%zz%")[0] == 422
    assert server.request("GET", "/pets?limit=%ff%fe")[0] == 422
    assert server.request("BREW", "/pets")[0] in (400, 405)
    for garbage in (b"\x00\x01\x02 nonsense\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET /pets HTTP/1.1\r\nHost\r\n\r\n"):
        assert server.raw(garbage)[:12] in (b"HTTP/1.1 400", b"")
    big = b"x" * (17 * 1024 * 1024)
    status = server.request("POST", "/pets", big, {"Content-Type": "application/json"})[0]
    assert status == 413
    assert server.request("GET", "/v1/pets/mine")[0] == 200
    assert server.proc.poll() is None


@pytest.mark.slow
def test_slow_client_is_let_go_with_408(server: Server) -> None:
    """A client that never finishes its headers holds nobody up and gets 408
    after the 10 s deadline (slowloris)."""
    slow = socket.create_connection(("127.0.0.1", server.port))
    slow.sendall(b"GET /pets HTTP/1.1\r\nHost: x\r\n")
    assert server.request("GET", "/pets")[0] == 200
    slow.settimeout(30)
    assert slow.recv(100).startswith(b"HTTP/1.1 408 ")
    slow.close()
    assert server.request("GET", "/pets")[0] == 200


def test_watch_reloads_without_closing_the_port(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    text = (FIXTURES / "petstore.yaml").read_text()
    spec.write_text(text)
    srv = Server(str(spec), "--watch", "--log-format", "none")
    try:
        assert json.loads(srv.request("GET", "/pets/mine")[2]) == [{"id": 7, "name": "Mine"}]
        spec.write_text(text.replace("name: Mine", "name: Changed"))
        deadline = time.monotonic() + 15
        while json.loads(srv.request("GET", "/pets/mine")[2]) != [{"id": 7, "name": "Changed"}]:
            assert time.monotonic() < deadline, "not reloaded"
            time.sleep(0.2)
        spec.write_text("openapi: [broken")
        time.sleep(1.5)
        assert srv.request("GET", "/pets/mine")[0] == 200  # still the last good contract
    finally:
        code, out = srv.stop()
    assert code == 0 and "reload failed" in out


def test_workers_share_the_port() -> None:
    srv = Server(str(FIXTURES / "petstore.yaml"), "-m", "2", "--log-format", "none")
    try:
        assert all(srv.request("GET", "/pets/mine")[0] == 200 for _ in range(20))
    finally:
        code, _out = srv.stop()
    assert code == 0


def test_bad_contract_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.0\npaths: [1\n")
    for args in ([str(bad)], [str(tmp_path / "missing.yaml")], ["--log-format", "xml", str(bad)]):
        proc = subprocess.run(
            [sys.executable, "-m", "apictl", "mock", "serve", "--port", str(_free_port()), *args],
            capture_output=True,
            text=True,
            env=_env(),
            cwd=ROOT,
            timeout=60,
        )
        assert proc.returncode == 2
        assert proc.stderr.startswith("apictl: error: ") and proc.stderr.count("\n") == 1, proc.stderr


def test_port_in_use_is_reported() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "apictl", "mock", "serve", "--port", str(port), str(FIXTURES / "petstore.yaml")],
            capture_output=True,
            text=True,
            env=_env(),
            cwd=ROOT,
            timeout=60,
        )
    assert proc.returncode == 2 and "cannot listen on 127.0.0.1" in proc.stderr
