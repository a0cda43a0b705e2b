"""The broker session: auth, retries, timeouts and the wording of errors (httpx.MockTransport)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from apictl.contract.broker import pacts
from apictl.contract.broker.errors import BrokerError
from apictl.contract.broker.http import BrokerAuth, BrokerClient, expand

INDEX = {
    "_links": {
        "pb:provider-pacts-for-verification": {"href": "http://broker.test/pacts/provider/{provider}/for-verification"}
    }
}


def _client(handler: Callable[[httpx.Request], httpx.Response], **kwargs: Any) -> BrokerClient:
    return BrokerClient(
        "http://broker.test/",
        transport=httpx.MockTransport(handler),
        sleep=lambda s: None,
        **kwargs,
    )


def test_token_and_basic_auth_headers() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json={})

    _client(handler, auth=BrokerAuth(token="t0k")).call("GET", "/")
    _client(handler, auth=BrokerAuth(username="u", password="p")).call("GET", "/")
    assert seen == ["Bearer t0k", "Basic dTpw"]


def test_auth_from_environment_refuses_both_kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACT_BROKER_TOKEN", "t")
    monkeypatch.setenv("PACT_BROKER_USERNAME", "u")
    with pytest.raises(BrokerError, match="either a token or a username"):
        BrokerAuth.from_env()
    monkeypatch.delenv("PACT_BROKER_USERNAME")
    assert BrokerAuth.from_env().token == "t"


@pytest.mark.parametrize(
    ("status", "body", "words"),
    [
        (401, {}, "HTTP 401 (authentication failed: check --broker-token"),
        (404, {}, "HTTP 404 (not found)"),
        (409, {"errors": {"contracts": ["content differs"]}}, "HTTP 409 (conflict: the broker already holds"),
        (400, {"errors": ["bad selector"]}, "HTTP 400: bad selector"),
        (500, None, "HTTP 500: boom"),
    ],
)
def test_http_errors_are_one_located_line(status: int, body: object, words: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if body is None:
            return httpx.Response(status, text="boom\n  trace")
        return httpx.Response(status, json=body)

    with pytest.raises(BrokerError) as info:
        _client(handler, retries=0).call("POST", "/contracts/publish", json={})
    message = str(info.value)
    assert message.startswith("broker: POST http://broker.test/contracts/publish: ") and words in message
    assert "\n" not in message and info.value.status == status
    if status == 409:
        assert "contracts: content differs" in message


def test_get_is_retried_on_503_but_post_is_not() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        return httpx.Response(503 if len(calls) < 3 else 200, json={"ok": True})

    assert _client(handler, retries=2).call("GET", "/matrix").body == {"ok": True}
    assert calls == ["GET"] * 3
    calls.clear()
    with pytest.raises(BrokerError, match="HTTP 503"):
        _client(handler, retries=2).call("POST", "/contracts/publish", json={})
    assert calls == ["POST"]


def test_dropped_connections_are_retried_for_idempotent_requests() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        if len(calls) == 1:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        return httpx.Response(200, json={})

    assert _client(handler).call("GET", "/").status == 200 and calls == ["GET", "GET"]


def test_unreachable_and_hanging_brokers() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    def hang(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out")

    with pytest.raises(BrokerError, match=r"GET http://broker.test/: cannot reach the broker: connection refused"):
        _client(refuse, retries=1).call("GET", "/")
    with pytest.raises(BrokerError, match=r"did not answer within 3.0s"):
        _client(hang, timeout=3.0).call("GET", "/")


@pytest.mark.parametrize("url", ["", "broker.test", "ftp://x", "http://"])
def test_bad_broker_urls(url: str) -> None:
    with pytest.raises(BrokerError, match="must be http"):
        BrokerClient(url)


def test_templates_are_url_encoded_and_must_be_complete() -> None:
    assert expand("/pacticipants/{p}/versions/{v}", {"p": "Pricing Service", "v": "1.0/x"}) == (
        "/pacticipants/Pricing%20Service/versions/1.0%2Fx"
    )
    with pytest.raises(BrokerError, match=r"needs a value for \{v\}"):
        expand("/x/{v}", {})


def test_missing_relation_is_explained() -> None:
    client = _client(lambda request: httpx.Response(200, json={"_links": {}}))
    with pytest.raises(BrokerError, match="no 'pb:publish-contracts' relation"):
        client.link("pb:publish-contracts")


def test_pacts_for_verification_sends_selectors_and_reads_pending() -> None:
    posted: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/":
            return httpx.Response(200, json=INDEX)
        assert request.url.raw_path == b"/pacts/provider/Pricing%20Service/for-verification"
        posted.append(json.loads(request.content))
        pact = {
            "shortDescription": "latest from main",
            "verificationProperties": {"pending": True, "notices": [{"text": "pending because new"}]},
            "_links": {"self": {"href": "http://broker.test/pacts/x", "name": "Pact between Condor and Pricing"}},
        }
        return httpx.Response(200, json={"_embedded": {"pacts": [pact]}})

    found = pacts.pacts_for_verification(
        _client(handler),
        "Pricing Service",
        selectors=[{"mainBranch": True}, {"deployedOrReleased": True}],
        provider_branch="main",
        include_pending=True,
        include_wip_since="2024-01-01",
    )
    assert posted == [
        {
            "consumerVersionSelectors": [{"mainBranch": True}, {"deployedOrReleased": True}],
            "providerVersionBranch": "main",
            "includePendingStatus": True,
            "includeWipPactsSince": "2024-01-01",
        }
    ]
    assert [(p.url, p.pending, p.notices) for p in found] == [
        ("http://broker.test/pacts/x", True, ["pending because new"])
    ]


def test_publish_verification_result_records_branch_then_posts() -> None:
    requests: list[tuple[str, str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        requests.append((request.method, request.url.path, body))
        return httpx.Response(201, json={"_links": {"self": {"href": "http://broker.test/results/1"}}})

    pact = {"_links": {"pb:publish-verification-results": {"href": "http://broker.test/pacts/x/verification-results"}}}
    url = pacts.publish_verification_result(
        _client(handler), pact, provider="Pricing", provider_version="abc", success=False, branch="main"
    )
    assert url == "http://broker.test/results/1"
    assert [(m, p) for m, p, _ in requests] == [
        ("PUT", "/pacticipants/Pricing/branches/main/versions/abc"),
        ("POST", "/pacts/x/verification-results"),
    ]
    posted = requests[1][2]
    assert isinstance(posted, dict) and posted["success"] is False and posted["providerApplicationVersion"] == "abc"
    with pytest.raises(BrokerError, match="no pb:publish-verification-results link"):
        pacts.publish_verification_result(_client(handler), {}, provider="P", provider_version="1", success=True)


def test_embedded_environments_without_links_are_found_by_uuid() -> None:
    from apictl.contract.broker.environments import find_environment

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/":
            return httpx.Response(200, json={"_links": {"pb:environments": {"href": "/environments"}}})
        return httpx.Response(200, json={"_embedded": {"environments": [{"name": "prod", "uuid": "u 1"}]}})

    assert find_environment(_client(handler), "prod").url == "http://broker.test/environments/u%201"
