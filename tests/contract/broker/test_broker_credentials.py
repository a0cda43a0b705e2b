"""The broker token goes to the broker's origin only. Links, pact URLs and
verification-result URLs an answer names on another host, port or scheme are followed
without credentials (a hostile or misconfigured broker answer cannot collect them)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from apictl.contract.broker.environments import list_environments
from apictl.contract.broker.http import BrokerAuth, BrokerClient, origin
from apictl.contract.broker.pacts import publish_verification_result
from apictl.contract.sources import load_pacts

PACT = (Path(__file__).parents[1] / "fixtures" / "pacts" / "orders-inventory-v2.json").read_bytes()
BROKER = "https://broker.test"


def _recording_client(links: dict[str, str], seen: list[tuple[str, str | None]]) -> BrokerClient:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("Authorization")))
        if request.url.path == "/":
            return httpx.Response(200, json={"_links": {k: {"href": v} for k, v in links.items()}})
        return httpx.Response(200, json={"_embedded": {"environments": []}, "_links": {"self": {"href": "x"}}})

    return BrokerClient(BROKER, BrokerAuth("s3cret"), transport=httpx.MockTransport(handler))


@pytest.mark.parametrize(
    "elsewhere",
    [
        "https://evil.test/steal",  # another host
        "http://broker.test/environments",  # same host, plain http
        "https://broker.test:8443/environments",  # same host, another port
        "https://broker.test.evil.test/environments",  # a look-alike host
    ],
)
def test_hal_links_to_another_origin_get_no_credentials(elsewhere: str) -> None:
    seen: list[tuple[str, str | None]] = []
    with _recording_client({"pb:environments": elsewhere}, seen) as client:
        list_environments(client)
    assert seen == [(f"{BROKER}/", "Bearer s3cret"), (elsewhere, None)]


def test_links_on_the_brokers_origin_keep_them() -> None:
    seen: list[tuple[str, str | None]] = []
    with _recording_client({"pb:environments": "https://BROKER.test:443/environments"}, seen) as client:
        list_environments(client)
    assert [auth for _, auth in seen] == ["Bearer s3cret", "Bearer s3cret"]


def test_verification_results_go_to_another_origin_without_credentials() -> None:
    seen: list[tuple[str, str | None]] = []
    pact = {"_links": {"pb:publish-verification-results": {"href": "https://evil.test/results"}}}
    with _recording_client({}, seen) as client:
        publish_verification_result(client, pact, provider="p", provider_version="1", success=True)
    assert seen == [("https://evil.test/results", None)]


def test_origins() -> None:
    assert origin("https://Broker.Test:443/a?b") == "https://broker.test"
    assert origin("http://broker.test:8080/") == "http://broker.test:8080"
    assert origin("http://[::1]:80/x") == "http://[::1]"


class _Recorder(BaseHTTPRequestHandler):
    seen: list[tuple[int, str | None]] = []

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        port = int(str(self.headers.get("Host")).rsplit(":", 1)[1])
        self.seen.append((port, self.headers.get("Authorization")))
        self.send_response(200)
        self.send_header("Content-Length", str(len(PACT)))
        self.end_headers()
        self.wfile.write(PACT)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def two_hosts() -> Iterator[tuple[str, str]]:
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), _Recorder) for _ in range(2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    _Recorder.seen.clear()
    try:
        a, b = (f"http://127.0.0.1:{int(s.server_address[1])}" for s in servers)
        yield a, b
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def test_pact_urls_get_credentials_only_on_the_brokers_origin(two_hosts: tuple[str, str]) -> None:
    broker, other = two_hosts
    auth = BrokerAuth("s3cret")
    load_pacts([f"{broker}/pacts/1", f"{other}/pacts/2"], broker, auth)
    load_pacts([f"{broker}/pacts/1"], None, auth)  # no broker URL: no origin the token belongs to
    port = int(broker.rsplit(":", 1)[1])
    assert [auth for _, auth in _Recorder.seen] == ["Bearer s3cret", None, None]
    assert [p for p, _ in _Recorder.seen][0] == port


def test_the_reviewers_repro_through_the_cli(two_hosts: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`contract check URL` with PACT_BROKER_TOKEN set in CI sends nothing to a URL off the broker."""
    from tests.cli.helpers import invoke

    broker, other = two_hosts
    monkeypatch.setenv("PACT_BROKER_TOKEN", "s3cret")
    monkeypatch.setenv("PACT_BROKER_BASE_URL", broker)
    result = invoke("contract", "check", f"{other}/pacts/2", "--spec", "tests/contract/fixtures/hostile/spec.yaml")
    assert result.exit_code in (0, 1), result.stderr
    assert _Recorder.seen == [(int(other.rsplit(":", 1)[1]), None)]
