"""The stub engine: requests matched against pacts, responses with generators
applied, readable mismatch reports, provider-state selection, CORS."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from apictl.contract.pact import HttpInteraction, load_pact
from apictl.contract.stub import StubEngine, StubOptions
from apictl.contract.wire import request_to_wire
from apictl.serve.messages import Request

PACTS = Path(__file__).parent / "fixtures" / "pacts"
BROKER = Path(__file__).resolve().parents[2].parent / "shared" / "peer-suites" / "pact-broker-contract"


def _json(body: bytes) -> object:
    return json.loads(body.decode())


def test_every_broker_interaction_is_answered_by_its_own_response() -> None:
    files = sorted(BROKER.glob("*.json"))
    if not files:
        pytest.skip("the pact-broker-contract peer suite is not present")
    pact = load_pact(files[0])
    engine = StubEngine([pact])
    for interaction in pact.http():
        request = request_to_wire(interaction.request)
        if interaction.states:
            request.headers.append(("x-pact-provider-state", interaction.states[0].name))
        request.headers.append(("x-pact-interaction", interaction.description))
        response = engine.handle(request)
        expected = interaction.response
        assert response.status == expected.status, (interaction.description, response.body[:500])
        if expected.body.state == "present":
            assert _json(response.body) == expected.body.json_value()


def test_a_request_nothing_matches_gets_500_with_the_closest_mismatches() -> None:
    engine = StubEngine([load_pact(PACTS / "orders-inventory-v2.json")])
    response = engine.handle(Request("GET", "/items/42", "fields=name", [("accept", "application/json")]))
    assert response.status == 500
    report = _json(response.body)
    assert isinstance(report, dict)
    assert report["error"] == "No interaction matched GET /items/42?fields=name"
    closest = report["closest"][0]
    assert closest["interaction"] == "a request for an item"
    assert closest["mismatches"] == [
        {
            "type": "query",
            "path": "fields",
            "expected": ["name", "stock"],
            "actual": ["name"],
            "mismatch": "Expected query parameter 'fields' with 2 value(s) but received 1 value(s)",
        }
    ]
    assert [v.location for v in response.violations] == [("query", "fields")]


def test_matching_request_gets_the_pact_response() -> None:
    engine = StubEngine([load_pact(PACTS / "orders-inventory-v2.json")])
    request = Request("GET", "/items/42", "fields=name&fields=stock", [("accept", "application/json")])
    response = engine.handle(request)
    assert response.status == 200
    assert response.header("content-type") == "application/json; charset=utf-8"
    assert _json(response.body) == {"id": 42, "name": "widget", "stock": 7, "tags": ["a", "b"]}
    assert response.operation == "orders -> inventory: a request for an item (given item 42 exists)"
    assert engine.handle(Request("GET", "/items/99")).status == 404


def test_generators_fill_in_provider_state_values_and_uuids() -> None:
    engine = StubEngine([load_pact(PACTS / "orders-inventory-v3.json")], StubOptions(seed=1))
    request = Request(
        "POST", "/items/7/reservations", "dryRun=false", [("content-type", "application/json")], b'{"quantity": 5}'
    )
    response = engine.handle(request)
    assert response.status == 201, response.body
    body = _json(response.body)
    assert isinstance(body, dict)
    assert body["id"] == 42  # from the provider state's params, as an integer
    assert str(uuid.UUID(body["reservation"])) == body["reservation"]
    assert body["reservation"] != "0d3b5a8e-64f1-4c1d-9b8a-21c9a3b6b1e0"
    again = StubEngine([load_pact(PACTS / "orders-inventory-v3.json")], StubOptions(seed=1)).handle(request)
    assert again.body == response.body  # seeded: reproducible


def test_v3_request_rules_are_honoured() -> None:
    engine = StubEngine([load_pact(PACTS / "orders-inventory-v3.json")])
    headers = [("content-type", "application/json")]
    bad_body = Request("POST", "/items/7/reservations", "dryRun=false", headers, b'{"quantity": "five"}')
    report = _json(engine.handle(bad_body).body)
    assert isinstance(report, dict)
    assert report["closest"][0]["mismatches"][0]["path"] == "$.quantity"
    bad_path = Request("POST", "/items/x/reservations", "dryRun=false", headers, b'{"quantity": 1}')
    assert engine.handle(bad_path).status == 500
    extra_key = Request("POST", "/items/7/reservations", "dryRun=false", headers, b'{"quantity": 1, "x": 1}')
    assert engine.handle(extra_key).status == 500  # requests may not carry unexpected keys


def test_v4_random_int_generator_in_every_array_item() -> None:
    engine = StubEngine([load_pact(PACTS / "orders-inventory-v4.json")], StubOptions(seed=3))
    response = engine.handle(Request("GET", "/items", "page=1", [("accept", "application/json")]))
    assert response.status == 200
    items = _json(response.body)
    assert isinstance(items, list) and all(1 <= item["id"] <= 9 for item in items)


def test_provider_state_header_selects_among_equal_requests(tmp_path: Path) -> None:
    pact = {
        "consumer": {"name": "c"},
        "provider": {"name": "p"},
        "interactions": [
            {
                "description": "get item",
                "providerState": "item exists",
                "request": {"method": "GET", "path": "/item"},
                "response": {"status": 200, "body": {"name": "x"}},
            },
            {
                "description": "get item",
                "providerState": "item is gone",
                "request": {"method": "GET", "path": "/item"},
                "response": {"status": 404},
            },
        ],
    }
    path = tmp_path / "pact.json"
    path.write_text(json.dumps(pact))
    engine = StubEngine([load_pact(path)])
    assert engine.handle(Request("GET", "/item")).status == 200  # first in file order
    gone = Request("GET", "/item", "", [("x-pact-provider-state", "item is gone")])
    assert engine.handle(gone).status == 404
    assert engine.handle(Request("GET", "/item", "pact-provider-state=item+is+gone")).status == 404
    unknown = engine.handle(Request("GET", "/item", "", [("x-pact-provider-state", "nope")]))
    assert unknown.status == 500
    assert _json(unknown.body) == {
        "error": "No interaction for provider state 'nope' matched GET /item",
        "request": {"method": "GET", "path": "/item", "query": ""},
        "providerState": "nope",
        "statesThatMatch": ["item exists", "item is gone"],
    }
    only_gone = StubEngine([load_pact(path)], StubOptions(state_pattern="gone"))
    assert [e.interaction.state_names for e in only_gone.entries] == [["item is gone"]]
    assert StubEngine([load_pact(path)], StubOptions(consumers=("other",))).entries == []


def test_cors() -> None:
    engine = StubEngine([load_pact(PACTS / "orders-inventory-v2.json")], StubOptions(cors=True))
    preflight = engine.handle(Request("OPTIONS", "/items/42", "", [("access-control-request-method", "GET")]))
    assert preflight.status == 204 and preflight.header("access-control-allow-origin") == "*"
    assert engine.handle(Request("GET", "/items/99")).header("access-control-allow-origin") == "*"


def test_percent_encoded_paths_match_either_way() -> None:
    pact = load_pact(PACTS / "orders-inventory-v2.json")
    interaction = pact.http()[1]
    assert isinstance(interaction, HttpInteraction)
    interaction.request.path = "/items/item%2099"
    engine = StubEngine([pact])
    assert engine.handle(Request("GET", "/items/item%2099")).status == 404
    interaction.request.path = "/items/item 99"
    assert engine.handle(Request("GET", "/items/item%2099")).status == 404


def test_the_stub_as_an_httpx_transport() -> None:
    import httpx

    from apictl.contract.transport import stub_transport

    engine = StubEngine([load_pact(PACTS / "orders-inventory-v3.json")], StubOptions(seed=2))
    with httpx.Client(transport=stub_transport(engine), base_url="http://inventory") as client:
        created = client.post("/items/9/reservations?dryRun=false", json={"quantity": 1})
        assert created.status_code == 201 and created.json()["id"] == 42
        assert client.get("/items/9").status_code == 500


@pytest.mark.parametrize(
    "request_",
    [
        Request(
            "POST", "/items/7/reservations", "dryRun=false", [("content-type", "application/json")], b"[" * 100_000
        ),
        Request("POST", "/items/7/reservations", "dryRun=false", [("content-type", "application/json")], b"\xff\xfe{"),
        Request("POST", "/items/7/reservations", "dryRun=false", [("content-type", "application/xml")], b"<a>"),
        Request("GET", "/%zz%", "a=%ff&&=&b", [("accept", "\x00")]),
        Request("BREW", "/", "", [], b""),
    ],
)
def test_hostile_requests_get_a_mismatch_report(request_: Request) -> None:
    engine = StubEngine([load_pact(PACTS / "orders-inventory-v3.json")])
    response = engine.handle(request_)
    assert response.status == 500
    assert "No interaction matched" in str(_json(response.body))


def test_recorded_framing_headers_are_not_replayed(tmp_path: Path) -> None:
    pact = {
        "consumer": {"name": "c"},
        "provider": {"name": "p"},
        "interactions": [
            {
                "description": "d",
                "request": {"method": "GET", "path": "/"},
                "response": {"status": 200, "headers": {"Content-Length": "999", "X-Id": "1"}, "body": "hi"},
            }
        ],
    }
    path = tmp_path / "pact.json"
    path.write_text(json.dumps(pact))
    response = StubEngine([load_pact(path)]).handle(Request("GET", "/"))
    assert response.header("content-length") is None and response.header("x-id") == "1"
    assert response.body == b"hi" and response.header("content-type") == "text/plain"
