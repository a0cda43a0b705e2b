"""Pact files v1-v4 read into one model; bad pact files are one located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.contract.body import EMPTY, MISSING, PRESENT
from apictl.contract.pact import (
    HttpInteraction,
    MessageInteraction,
    PactError,
    SyncMessageInteraction,
    load_pact,
    parse_query_string,
    parse_spec_version,
)

FIXTURES = Path(__file__).parent / "fixtures"
PACTS = FIXTURES / "pacts"
BROKER_PACT = Path(__file__).resolve().parents[2].parent / "shared/peer-suites/pact-broker-contract"


def test_v2_pact() -> None:
    pact = load_pact(PACTS / "orders-inventory-v2.json")
    assert (pact.consumer, pact.provider, pact.version) == ("orders", "inventory", "2")
    first = pact.interactions[0]
    assert isinstance(first, HttpInteraction)
    assert first.state_names == ["item 42 exists"]
    assert first.request.query == {"fields": ["name", "stock"]}
    assert first.request.raw_query == "fields=name&fields=stock"
    assert first.request.headers == {"Accept": ["application/json"]}
    assert first.request.body.state == MISSING
    body = first.response.body
    assert body.state == PRESENT and body.json_value()["id"] == 42
    rules = first.response.rules
    assert rules.get("body")["$.name"].matchers == ({"match": "type"},)
    assert rules.get("body")["$.tags"].matchers == ({"match": "type", "min": 1},)
    assert rules.get("header")["Content-Type"].matchers[0]["match"] == "regex"
    # positions point into the file
    span = pact.span(first.response.rules.get("body")["$.stock"].pointer)
    assert span is not None and span.line == 20


def test_v3_pact_with_messages() -> None:
    pact = load_pact(PACTS / "orders-inventory-v3.json")
    http, message = pact.interactions
    assert isinstance(http, HttpInteraction) and isinstance(message, MessageInteraction)
    assert http.states[0].params == {"id": 42}
    assert http.request.query == {"dryRun": ["false"]}
    assert http.request.rules.get("path")[""].matchers[0]["regex"] == "/items/\\d+/reservations"
    assert http.response.generators.get("body")["$.id"]["type"] == "ProviderState"
    assert message.message.contents.json_value() == {"id": 42, "stock": 1}
    assert message.message.metadata == {"contentType": "application/json"}
    assert message.message.rules.get("body")["$.stock"].matchers[0]["match"] == "integer"


def test_v4_pact_with_all_interaction_kinds() -> None:
    pact = load_pact(PACTS / "orders-inventory-v4.json")
    http, message, sync = pact.interactions
    assert isinstance(http, HttpInteraction) and http.key == "k1"
    assert http.response.body.json_value() == [{"id": 1, "name": "widget"}]
    assert http.response.rules.get("status")[""].matchers[0]["status"] == "success"
    assert http.response.generators.get("body")["$[*].id"]["type"] == "RandomInt"
    assert isinstance(message, MessageInteraction)
    assert message.message.rules.get("body")["$.id"].matchers == ({"match": "integer"},)
    assert isinstance(sync, SyncMessageInteraction)
    assert sync.request.contents.text() == "widget"
    assert sync.responses[0].contents.raw == b"\x00\x01\x02"


def test_broker_contract_loads() -> None:
    files = sorted(BROKER_PACT.glob("*.json"))
    if not files:
        pytest.skip("peer suite not present")
    pact = load_pact(files[0])
    assert pact.version == "2" and len(pact.http()) == 67


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.0.0", (1, 0)), ("1.1.0", (1, 1)), ("2.0.0", (2, 0)), ("3.0.0", (3, 0)), ("4.0", (4, 0)), ("V4", (4, 0))],
)
def test_spec_versions(text: str, expected: tuple[int, int]) -> None:
    assert parse_spec_version(text) == expected


@pytest.mark.parametrize("text", ["5.0.0", "1.2.0", "banana", "", "3.1.0"])
def test_unknown_spec_versions(text: str) -> None:
    assert parse_spec_version(text) is None


def test_query_strings() -> None:
    expected = {"a": ["1", "2"], "b": ["x=y"], "flag": [None], "c": ["a b"]}
    assert parse_query_string("a=1&b=x%3Dy&a=2&flag&c=a+b") == expected


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.json", "truncated.json:3:1: invalid JSON"),
        ("unknown-version.json", "unknown-version.json:5:38: unknown pact specification version '5.0.0'"),
        ("interactions-not-list.json", "interactions-not-list.json:4:3: 'interactions' must be a list"),
        ("no-consumer.json", "no-consumer.json:1:1: the pact needs 'consumer'"),
        ("bad-regex.json", "bad-regex.json:11:59: invalid regular expression '(unclosed'"),
        ("unknown-matcher.json", "unknown-matcher.json:11:58: unknown matcher 'fuzzy'"),
        ("bad-status.json", "bad-status.json:5:82: 'status' must be an HTTP status code"),
        ("not-a-pact.json", "not-a-pact.json:1:1: not a pact file"),
        ("yaml.json", "yaml.json:1:1: a pact file must be JSON"),
    ],
)
def test_bad_pacts_are_located_errors(name: str, message: str) -> None:
    with pytest.raises(PactError if name != "truncated.json" else Exception) as info:
        load_pact(FIXTURES / "bad" / name, name)
    assert str(info.value).startswith(message), str(info.value)
    assert "\n" not in str(info.value)


def test_empty_and_null_bodies() -> None:
    from apictl.contract.pact import Reader

    reader = Reader((3, 0))
    assert reader.request({"method": "POST", "path": "/", "body": ""}, "").body.state == EMPTY
    assert reader.request({"method": "POST", "path": "/", "body": None}, "").body.state == "null"
    text = reader.request({"method": "POST", "path": "/", "headers": {"Content-Type": "text/plain"}, "body": "hi"}, "")
    assert text.body.text() == "hi" and text.body.content_type == "text/plain"
