"""`apictl contract verify`: bad input is one located line and exit 2; slow providers are
bounded; pacts come from a broker (selectors, pending) and results go back to it."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from examples.contract.inventory.app import Store, create_app

from tests.cli.helpers import ROOT, invoke
from tests.contract.servers import hanging_server, serve_asgi, serve_function

PACT = ROOT / "examples/contract/pacts/orders-inventory.json"
STATES = "/_pact/provider-states"


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    with serve_asgi(create_app(Store(), states=True)) as url:
        yield url


def _verify(*args: str | Path) -> tuple[int, str, str]:
    result = invoke("contract", "verify", "--provider", "inventory", *args)
    return result.exit_code, result.stdout, result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_provider(tmp_path: Path) -> None:
    code, _, err = _verify("--base-url", f"http://127.0.0.1:{_free_port()}", "--pact", PACT)
    assert code == 2 and err.startswith("apictl: error: cannot reach the provider at http://127.0.0.1:")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the pact file is empty (0 bytes"),
        ('{"consumer": {"name": "orders"}, "provider": {"name": "inventory"}, "interactions": [', ":1:"),
        (
            '{"consumer": {"name": "orders"}, "provider": {"name": "inventory"}, "interactions": [], '
            '"metadata": {"pactSpecification": {"version": "9.0.0"}}}',
            "9.0.0",
        ),
    ],
    ids=["empty", "malformed", "unknown-spec-version"],
)
def test_unusable_pact_files(tmp_path: Path, provider: str, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    code, _, err = _verify("--base-url", provider, "--pact", bad)
    assert code == 2 and str(bad) in first_error_text(err) and message in err


def first_error_text(err: str) -> str:
    assert err.startswith("apictl: error: ") and err.count("\n") == 1, err
    return err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pact-dir", "missing-folder"], "missing-folder: not a folder"),
        (["--pact", str(PACT), "--pact-dir", str(PACT.parent), "--broker-url", "http://x"], "one of the two"),
        ([], "give pacts with --pact / --pact-dir, or a broker"),
        (["--pact", str(PACT), "--publish"], "--publish needs --broker-url"),
        (["--pact", str(PACT), "--state-hook", "nope"], "--state-hook must be module:function"),
        (["--pact", str(PACT), "--state-hook", "no_such_module_x:f"], "cannot import 'no_such_module_x'"),
        (["--pact", str(PACT), "--state-hook", "json:no_such_function"], "json has no function 'no_such_function'"),
        (["--pact", str(PACT), "--consumer-version-selector", "{"], "not JSON"),
        (["--pact", str(PACT), "--main-branch"], "need --broker-url"),
        (["--pact", str(PACT), "--header", "novalue"], "expected 'Name: value'"),
        (["--pact", str(PACT), "--consumer", "someone-else"], "no pacts for provider 'inventory'"),
        (["--pact", str(PACT), "-f", "yaml"], "unknown --format 'yaml'"),
    ],
)
def test_bad_options(provider: str, args: list[str], message: str) -> None:
    code, _, err = _verify("--base-url", provider, *args)
    assert code == 2 and message in first_error_text(err)


def test_bad_base_url() -> None:
    code, _, err = _verify("--base-url", "localhost:8000", "--pact", PACT)
    assert code == 2 and "--base-url must be http(s)://host:port" in err


def test_a_hanging_provider_is_bounded_by_the_timeout() -> None:
    with hanging_server() as url:
        code, out, _ = _verify("--base-url", url, "--pact", PACT, "--timeout", "1", "-f", "json")
    assert code == 1
    codes = {d["code"] for d in json.loads(out)["diagnostics"]}
    assert codes == {"PV201"}


def test_failing_state_hook_is_named(tmp_path: Path, provider: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "failing_hook_mod.py").write_text("def hook(state, action):\n    raise ValueError('no database')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    code, out, _ = _verify("--base-url", provider, "--pact", PACT, "--state-hook", "failing_hook_mod:hook")
    assert code == 1
    assert "provider state failed: item 1 exists: ValueError: no database" in out


class FakeBroker:
    """Just enough of a Pact Broker for verify: pacts-for-verification, the pact, results."""

    def __init__(self, pending: bool = False, pacts: int = 1) -> None:
        self.pending = pending
        self.pacts = pacts
        self.requests: list[tuple[str, str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        base = f"{request.url.scheme}://{request.url.netloc.decode()}"
        body = json.loads(request.content) if request.content else None
        self.requests.append((request.method, request.url.path, body))
        path = request.url.path
        if path == "/":
            href = base + "/pacts/provider/{provider}/for-verification"
            return httpx.Response(200, json={"_links": {"pb:provider-pacts-for-verification": {"href": href}}})
        if path == "/pacts/provider/inventory/for-verification":
            item = {
                "shortDescription": "latest from main",
                "verificationProperties": {"pending": self.pending, "notices": [{"text": "selected: main branch"}]},
                "_links": {"self": {"href": base + "/pacts/1", "name": "orders"}},
            }
            return httpx.Response(200, json={"_embedded": {"pacts": [item] * self.pacts}})
        if path == "/pacts/1":
            pact = json.loads(PACT.read_text())
            pact["_links"] = {"pb:publish-verification-results": {"href": base + "/pacts/1/verification-results"}}
            return httpx.Response(200, json=pact)
        if request.method in ("PUT", "POST"):
            return httpx.Response(201, json={"_links": {"self": {"href": base + "/results/1"}}})
        return httpx.Response(404, json={"error": "not found"})


def test_pacts_from_a_broker_with_selectors_and_published_results(provider: str) -> None:
    broker = FakeBroker()
    with serve_function(broker) as url:
        code, out, err = _verify(
            "--base-url", provider, "--broker-url", url, "--main-branch", "--consumer-tag", "prod",
            "--state-change-url", provider + STATES, "--publish", "--provider-version", "abc", "--branch", "main",
        )  # fmt: skip
    assert (code, err) == (0, ""), out
    assert "results published:" in out and "\n  selected: main branch\n" in out
    posted = {path: body for method, path, body in broker.requests if method != "GET"}
    assert posted["/pacts/provider/inventory/for-verification"]["consumerVersionSelectors"] == [
        {"mainBranch": True},
        {"tag": "prod", "latest": True},
    ]
    assert "/pacticipants/inventory/branches/main/versions/abc" in posted
    result = posted["/pacts/1/verification-results"]
    assert result["success"] is True and result["providerApplicationVersion"] == "abc"


def test_a_failing_pending_pact_only_warns(provider: str) -> None:
    with serve_function(FakeBroker(pending=True)) as url:
        code, out, _ = _verify("--base-url", provider, "--broker-url", url, "--include-pending", "-f", "json")
    diagnostics = json.loads(out)["diagnostics"]
    assert code == 0 and diagnostics and {d["severity"] for d in diagnostics} == {"warn"}


def test_broker_errors_are_one_line(provider: str) -> None:
    with serve_function(lambda request: httpx.Response(401, json={"error": "bad token"})) as url:
        code, _, err = _verify("--base-url", provider, "--broker-url", url, "--broker-token", "t")
    assert code == 2
    assert f"broker: GET {url}/: HTTP 401 (authentication failed" in first_error_text(err)


def test_failing_state_change_url_is_named() -> None:
    with serve_asgi(create_app(Store())) as url:  # no state endpoint: 404
        code, out, _ = _verify("--base-url", url, "--pact", PACT, "--state-change-url", url + STATES)
    assert code == 1
    assert "(given item 1 exists): provider state failed: item 1 exists: Invalid status code: 404" in out


def test_results_that_cannot_be_published_are_reported_after_the_findings(provider: str) -> None:
    def broker_refusing_results(request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith("/verification-results"):
            return httpx.Response(403, json={"error": {"message": "read-only token"}})
        return FakeBroker()(request)

    with serve_function(broker_refusing_results) as url:
        code, out, err = _verify(
            "--base-url", provider, "--broker-url", url, "--state-change-url", provider + STATES,
            "--publish", "--provider-version", "abc",
        )  # fmt: skip
    assert code == 2 and ": passed" in out
    assert f"{url}/pacts/1: results not published: broker: POST {url}/pacts/1/verification-results: HTTP 403" in err
    assert "read-only token" in err


def test_message_interactions_are_left_out_with_a_warning(provider: str) -> None:
    pact = Path(__file__).parent / "fixtures/http-and-message-v4.json"
    code, out, _ = _verify("--base-url", provider, "--pact", pact, "--state-change-url", provider + STATES)
    assert code == 0
    assert "passed; 1 message interaction(s) not verified" in out
    assert '"stock changed" (given item 1 exists): a message interaction; not verified' in out


def test_the_broker_variable_does_not_override_local_pacts(provider: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACT_BROKER_BASE_URL", "http://127.0.0.1:9")
    code, out, err = _verify("--base-url", provider, "--pact", PACT, "--state-change-url", provider + STATES)
    assert (code, err) == (0, "") and ": passed" in out
    code, _, err = _verify("--base-url", provider)  # no local pacts: the variable names the broker
    assert code == 2 and "broker: GET http://127.0.0.1:9/: cannot reach the broker" in err


def test_examples_that_contradict_their_matchers_warn(provider: str) -> None:
    pact = Path(__file__).parent / "fixtures/contradicting-example.json"
    code, out, _ = _verify(
        "--base-url", provider, "--pact", pact, "--state-change-url", provider + STATES, "-f", "json"
    )
    [warning] = json.loads(out)["diagnostics"]
    assert code == 0 and (warning["code"], warning["severity"]) == ("PM101", "warn")
    assert warning["pointer"] == "/interactions/0/response/body/stock"
    code, out, _ = _verify("--base-url", provider, "--pact", pact, "--state-change-url", provider + STATES)
    assert code == 0 and "contradicting-example.json: passed" in out


def test_no_pacts_from_the_broker(provider: str) -> None:
    with serve_function(FakeBroker(pacts=0)) as url:
        failing = _verify("--base-url", provider, "--broker-url", url)
        passing = _verify("--base-url", provider, "--broker-url", url, "--no-fail-if-no-pacts")
    assert failing[0] == 2 and "no pacts for provider 'inventory' to verify" in failing[2]
    assert passing[0] == 0 and passing[1].startswith("no pacts to verify\n")
