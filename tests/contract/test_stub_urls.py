"""`apictl contract stub URL`: pacts fetched over HTTP (a broker's pact resource,
a file server), with bearer or basic auth for the broker's origin only; failures are
one located line."""

from __future__ import annotations

import base64
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from apictl.contract.broker.http import BrokerAuth
from apictl.contract.sources import load_pacts
from tests.cli.helpers import assert_error_lines, first_error, invoke

PACT = (Path(__file__).parent / "fixtures" / "pacts" / "orders-inventory-v2.json").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        auth = self.headers.get("Authorization", "")
        if self.path == "/pact.json":
            self._send(200, PACT)
        elif self.path == "/secret.json" and auth in ("Bearer t0k", "Basic " + base64.b64encode(b"me:pw").decode()):
            self._send(200, PACT)
        elif self.path == "/secret.json":
            self._send(401, b"{}")
        elif self.path == "/broken.json":
            self._send(200, b'{"consumer": ')
        else:
            self._send(404, b"")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_pacts_from_urls(server: str) -> None:
    (pact,) = load_pacts([f"{server}/pact.json"])
    assert pact.uri == f"{server}/pact.json" and len(pact.http()) == 2
    assert load_pacts([f"{server}/secret.json"], server, BrokerAuth("t0k"))[0].consumer == "orders"
    assert load_pacts([f"{server}/secret.json"], server + "/", BrokerAuth(None, "me", "pw"))[0].consumer == "orders"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/secret.json", "HTTP 401 fetching the pact (credentials are sent only to the broker URL's origin"),
        ("/missing.json", "HTTP 404 fetching the pact"),
        ("/broken.json", "1:14: invalid JSON"),
    ],
)
def test_fetch_failures_are_one_line(server: str, path: str, message: str) -> None:
    result = invoke("contract", "stub", f"{server}{path}")
    assert result.exit_code == 2
    assert_error_lines(result)
    assert first_error(result).startswith(f"apictl: error: {server}{path}")
    assert message in first_error(result)


def test_unreachable_url() -> None:
    result = invoke("contract", "stub", f"http://127.0.0.1:{_closed_port()}/pact.json")
    assert result.exit_code == 2
    assert_error_lines(result)
    assert "cannot fetch the pact" in first_error(result)
