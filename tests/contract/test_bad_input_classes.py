"""The issue's classes of bad input, for each contract command they apply to, through the
real entry point: malformed pact JSON, an unknown pact specification version, examples
that contradict their own matchers, an unreachable provider (or pact URL, or broker), one
that hangs (bounded by a timeout), and broker errors. Each is one clear `apictl: error:`
line and exit 2, or findings/warnings with the exit code the docs give.

| class                  | stub           | check          | verify        | publish        | can-i-deploy |
|------------------------|----------------|----------------|---------------|----------------|--------------|
| malformed JSON         | 2              | 2              | 2             | 2              | –            |
| unknown spec version   | 2              | 2              | 2             | 2              | –            |
| contradicting examples | warns, serves  | PM101, exit 1  | PM101 warns   | warns, sends   | –            |
| unreachable            | pact URL: 2    | pact URL: 2    | provider: 2   | broker: 2      | broker: 2    |
| hangs                  | pact URL: 2    | pact URL: 2    | PV201, exit 1 | broker: 2      | broker: 2    |
| broker errors          | pact URL 401: 2| pact URL 404: 2| broker 401: 2 | 401 / 409: 2   | 401: 2       |
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from examples.contract.inventory.app import Store, create_app

from tests.cli.helpers import ROOT, invoke
from tests.contract.servers import closed_port_url, hanging_server, serve_asgi, serve_function

CONTRADICTING = ROOT / "tests/contract/verify/fixtures/contradicting-example.json"
SPEC = ROOT / "examples/contract/inventory/openapi.yaml"
PACT = ROOT / "examples/contract/pacts/orders-inventory.json"
HEAD = '{"consumer": {"name": "orders"}, "provider": {"name": "inventory"}, '
MALFORMED = HEAD + '"interactions": [{"description": '
UNKNOWN_VERSION = HEAD + '"interactions": [], "metadata": {"pactSpecification": {"version": "5.0.0"}}}'
STATES = "/_pact/provider-states"


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    with serve_asgi(create_app(Store(), states=True)) as url:
        yield url


def _pact(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "orders-inventory.json"
    path.write_text(content)
    return path


def _command(name: str, pact: Path | str, provider: str = "", broker: str = "http://127.0.0.1:9") -> list[str]:
    """`name` run on one pact (a file or URL); the provider and broker it talks to."""
    if name == "stub":
        return ["contract", "stub", str(pact), "--port", "0"]
    if name == "check":
        return ["contract", "check", str(pact), "--spec", str(SPEC)]
    if name == "verify":
        return ["contract", "verify", "--provider", "inventory", "--base-url", provider, "--pact", str(pact),
                "--state-change-url", provider + STATES, "--timeout", "1"]  # fmt: skip
    return [
        "contract",
        "publish",
        str(pact),
        "--consumer-app-version",
        "1.0.0",
        "--broker-url",
        broker,
        "--timeout",
        "1",
    ]


def _one_error_line(stderr: str, *words: str) -> None:
    assert stderr.startswith("apictl: error: ") and stderr.count("\n") == 1, stderr
    for word in words:
        assert word in stderr, stderr


@pytest.fixture
def no_serving(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """`apictl contract stub` up to the point where it would serve (what it would serve)."""
    served: list[object] = []

    def fake_serve(args: object, engine: object) -> int:
        served.append(engine)
        return 0

    monkeypatch.setattr("apictl.cli.contract_stub_run._serve", fake_serve)
    return served


# -- the pact file itself ----------------------------------------------------------------


@pytest.mark.parametrize("command", ["stub", "check", "verify", "publish"])
@pytest.mark.parametrize(
    ("content", "words"),
    [(MALFORMED, [":1:", "invalid JSON"]), (UNKNOWN_VERSION, [":1:", "unknown pact specification version '5.0.0'"])],
    ids=["malformed-json", "unknown-spec-version"],
)
def test_unusable_pacts(
    command: str, content: str, words: list[str], tmp_path: Path, provider: str, no_serving: list[object]
) -> None:
    pact = _pact(tmp_path, content)
    result = invoke(*_command(command, pact, provider))
    assert result.exit_code == 2
    _one_error_line(result.stderr, str(pact), *words)
    assert no_serving == []


def test_contradicting_examples_stub_warns_and_serves(no_serving: list[object]) -> None:
    result = invoke(*_command("stub", CONTRADICTING))
    assert result.exit_code == 0 and len(no_serving) == 1
    assert result.stderr == (
        f"apictl: warning: {CONTRADICTING}:28:11: interaction 'a request for an item in stock': the response "
        "example contradicts its own matcher (body $.stock: Expected 'five' to be an integer value)\n"
    )
    strict = invoke(*_command("stub", CONTRADICTING), "--strict")
    assert strict.exit_code == 2 and strict.stderr.startswith(f"apictl: error: {CONTRADICTING}:28:11: ")


def test_contradicting_examples_check_reports_pm101() -> None:
    result = invoke(*_command("check", CONTRADICTING), "-f", "json")
    assert result.exit_code == 1
    found = {(d["code"], d["pointer"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert ("PM101", "/interactions/0/response/body/stock") in found


def test_contradicting_examples_verify_warns(provider: str) -> None:
    result = invoke(*_command("verify", CONTRADICTING, provider), "-f", "json")
    assert result.exit_code == 0, result.stdout  # the provider honours the pact's rules
    [warning] = json.loads(result.stdout)["diagnostics"]
    assert (warning["code"], warning["severity"]) == ("PM101", "warn")


def _publish_broker(seen: list[str]) -> Callable[[httpx.Request], httpx.Response]:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.method} {request.url.path}")
        if request.method == "GET":
            base = f"http://{request.url.netloc.decode()}"
            return httpx.Response(200, json={"_links": {"pb:publish-contracts": {"href": base + "/contracts/publish"}}})
        return httpx.Response(200, json={"logs": [{"level": "info", "message": "published"}]})

    return handle


def test_contradicting_examples_publish_warns_and_sends() -> None:
    seen: list[str] = []
    with serve_function(_publish_broker(seen)) as broker:
        result = invoke(*_command("publish", CONTRADICTING, broker=broker))
    assert (result.exit_code, result.stdout) == (0, "info: published\n")
    assert result.stderr.startswith(f"apictl: warning: {CONTRADICTING}:28:11: ") and result.stderr.count("\n") == 1
    assert seen == ["GET /", "POST /contracts/publish"]


# -- what the command talks to -----------------------------------------------------------

COMMANDS_ON_SERVERS = ["stub", "check", "verify", "publish", "can-i-deploy"]


def _against(command: str, url: str, tmp_path: Path) -> list[str]:
    """`command` with `url` as its pact URL (stub, check), provider (verify) or broker."""
    if command in ("stub", "check"):
        return _command(command, url + "/pacts/orders-inventory.json")
    if command == "verify":
        return [
            "contract",
            "verify",
            "--provider",
            "inventory",
            "--base-url",
            url,
            "--pact",
            str(PACT),
            "--timeout",
            "1",
        ]
    if command == "publish":
        return _command(command, PACT, broker=url)
    return ["contract", "can-i-deploy", "-a", "orders", "-e", "1.0.0", "--broker-url", url, "--timeout", "1"]


UNREACHABLE_WORDS = {
    "stub": "cannot fetch the pact",
    "check": "cannot fetch the pact",
    "verify": "cannot reach the provider at http://127.0.0.1:",
    "publish": "cannot reach the broker",
    "can-i-deploy": "cannot reach the broker",
}


@pytest.mark.parametrize("command", COMMANDS_ON_SERVERS)
def test_unreachable(command: str, tmp_path: Path, no_serving: list[object]) -> None:
    result = invoke(*_against(command, closed_port_url(), tmp_path))
    assert result.exit_code == 2
    _one_error_line(result.stderr, UNREACHABLE_WORDS[command])


@pytest.mark.parametrize("command", COMMANDS_ON_SERVERS)
def test_hanging(command: str, tmp_path: Path, no_serving: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("apictl.contract.sources.FETCH_TIMEOUT_S", 1.0)  # pact URLs: 10 s in real use
    started = time.monotonic()
    with hanging_server() as url:
        result = invoke(*_against(command, url, tmp_path), *(["-f", "json"] if command == "verify" else []))
    assert time.monotonic() - started < 20
    if command == "verify":  # the provider hangs: its interactions fail, named
        assert result.exit_code == 1
        diagnostics = json.loads(result.stdout)["diagnostics"]
        assert {d["code"] for d in diagnostics} == {"PV201"}
        assert all("no answer within --timeout 1 s" in d["message"] for d in diagnostics)
    else:
        assert result.exit_code == 2
        words = "cannot fetch the pact" if command in ("stub", "check") else "did not answer within 1.0s"
        _one_error_line(result.stderr, words)


BROKER_ERRORS = [
    ("stub", 401, "HTTP 401 fetching the pact (credentials are sent only to the broker URL's origin"),
    ("check", 404, "HTTP 404 fetching the pact"),
    ("verify", 401, "HTTP 401 (authentication failed"),
    ("publish", 401, "HTTP 401 (authentication failed"),
    ("publish", 409, "HTTP 409 (conflict"),
    ("can-i-deploy", 401, "HTTP 401 (authentication failed"),
    ("can-i-deploy", 404, "HTTP 404"),
]


@pytest.mark.parametrize(("command", "status", "words"), BROKER_ERRORS)
def test_broker_errors(
    command: str, status: int, words: str, tmp_path: Path, provider: str, no_serving: list[object]
) -> None:
    def broker(request: httpx.Request) -> httpx.Response:
        if status == 409 and request.method == "GET":  # the index, then a refused publish
            return _publish_broker([])(request)
        return httpx.Response(status, json={"error": "no"})

    with serve_function(broker) as url:
        if command == "verify":
            args = ["contract", "verify", "--provider", "inventory", "--base-url", provider, "--broker-url", url]
        else:
            args = _against(command, url, tmp_path)
        result = invoke(*args)
    assert result.exit_code == 2
    _one_error_line(result.stderr, words)


def test_a_pact_of_messages_only_is_not_served(tmp_path: Path) -> None:
    data = json.loads(CONTRADICTING.read_text())
    data["metadata"]["pactSpecification"]["version"] = "3.0.0"
    data["messages"] = [{"description": "stock changed", "contents": {"id": 1}}]
    data["interactions"] = []
    result = invoke("contract", "stub", _pact(tmp_path, json.dumps(data)))
    assert result.exit_code == 2
    _one_error_line(result.stderr, "no HTTP interactions to serve", "1 message interactions are not served")
