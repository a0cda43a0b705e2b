"""Proxy mode: forwarding, request and response validation, --errors."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from apictl.mock.proxy import Proxy, valid_upstream
from apictl.mock.spec import load_spec
from apictl.mock.types import MockOptions, MockRequest, MockResponse
from tests.mock.conftest import FIXTURES


class _Upstream(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/pets/mine"):
            payload, status = [{"id": 7, "name": "Mine"}], 200
        elif self.path.startswith("/pets/"):
            payload, status = {"name": "no id"}, 200  # breaks the contract: `id` is required
        else:
            payload, status = {"seen": self.headers.get("X-Trace")}, 200
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def upstream() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _send(
    proxy: Proxy, method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b""
) -> MockResponse:
    path, _, query = target.partition("?")
    request = MockRequest(method, path, query, [(k.lower(), v) for k, v in (headers or {}).items()], body)
    return asyncio.run(proxy.handle(request))


def _proxy(upstream: str, **options: bool) -> Proxy:
    return Proxy(load_spec(FIXTURES / "petstore.yaml"), MockOptions(**options), upstream)


def test_forwards_and_checks_the_response(upstream: str) -> None:
    proxy = _proxy(upstream)
    ok = _send(proxy, "GET", "/pets/mine")
    assert ok.status == 200 and json.loads(ok.body) == [{"id": 7, "name": "Mine"}] and not ok.violations
    bad = _send(proxy, "GET", "/pets/3")
    assert bad.status == 200  # passed through, reported
    assert [v.message for v in bad.violations] == ["must have required property 'id'"]
    assert "sl-violations" in dict(bad.headers)


def test_errors_flag(upstream: str) -> None:
    proxy = _proxy(upstream, errors=True)
    bad = _send(proxy, "GET", "/pets/3")
    assert bad.status == 500
    assert json.loads(bad.body)["validation"][0]["message"] == "Response body must have required property 'id'"
    invalid = _send(proxy, "GET", "/pets/abc")  # never reaches the upstream
    assert invalid.status == 422


def test_refusals(upstream: str) -> None:
    proxy = _proxy(upstream)
    with_body = _send(proxy, "GET", "/pets/mine", {"Content-Type": "application/json"}, b"{}")
    assert with_body.status == 501
    gone = _send(_proxy("http://127.0.0.1:9"), "GET", "/pets/mine")
    assert gone.status == 502
    assert valid_upstream("https://api.example.com/v1") and not valid_upstream("ftp://x") and not valid_upstream("x")
