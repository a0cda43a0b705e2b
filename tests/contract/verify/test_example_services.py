"""End to end on examples/contract: orders (consumer) writes its pact with pact-python's
consumer DSL; inventory (provider) runs on 127.0.0.1 and is verified with
`apictl contract verify`; a broken inventory fails with readable diagnostics."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from examples.contract.inventory import states
from examples.contract.inventory.app import Store, create_app
from examples.contract.orders.pact_test import record_pact

from tests.cli.helpers import ROOT, invoke
from tests.contract.servers import serve_asgi

EXAMPLE = ROOT / "examples/contract"
PACT = EXAMPLE / "pacts/orders-inventory.json"
STATES = "/_pact/provider-states"


@pytest.fixture(scope="module")
def fresh_pact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return record_pact(tmp_path_factory.mktemp("pacts"))


@pytest.fixture
def provider() -> Iterator[str]:
    with serve_asgi(create_app(states=True)) as url:
        yield url


def _verify(base_url: str, *args: str) -> tuple[int, str, str]:
    result = invoke("contract", "verify", "--provider", "inventory", "--base-url", base_url, *args)
    return result.exit_code, result.stdout, result.stderr


def test_consumer_test_writes_the_committed_pact(fresh_pact: Path) -> None:
    written = json.loads(fresh_pact.read_text())
    committed = json.loads(PACT.read_text())
    assert (written["consumer"], written["provider"]) == ({"name": "orders"}, {"name": "inventory"})
    assert written["interactions"] == committed["interactions"], (
        "regenerate: python -m examples.contract.orders.pact_test"
    )
    assert not list(fresh_pact.parent.glob(".pact-*")), "the staging folder is removed"


def test_provider_honours_the_pact_with_a_state_change_url(fresh_pact: Path, provider: str) -> None:
    code, out, err = _verify(provider, "--pact", str(fresh_pact), "--state-change-url", provider + STATES)
    assert (code, err) == (0, "")
    assert "orders → inventory" in out and ": passed" in out


def test_provider_honours_the_pact_with_a_python_state_hook(fresh_pact: Path) -> None:
    with serve_asgi(create_app(states.STORE)) as url:
        code, out, err = _verify(
            url, "--pact-dir", str(fresh_pact.parent), "--state-hook", "examples.contract.inventory.states:set_state"
        )
    assert (code, err) == (0, ""), out
    assert ": passed" in out


def test_without_provider_states_the_interaction_fails(fresh_pact: Path, provider: str) -> None:
    code, out, _ = _verify(provider, "--pact", str(fresh_pact))
    assert code == 1
    assert (
        'orders → inventory: "a request for an item in stock" (given item 1 exists): status: expected 200 but was 404'
        in out
    )


def test_broken_provider_fails_with_located_diagnostics(fresh_pact: Path) -> None:
    with serve_asgi(create_app(Store(), states=True, broken=True)) as url:
        code, out, _ = _verify(url, "--pact", str(fresh_pact), "--state-change-url", url + STATES, "-f", "json")
        text_code, text, _ = _verify(url, "--pact", str(fresh_pact), "--state-change-url", url + STATES, "--no-color")
    assert code == text_code == 1
    found = {(d["code"], d["pointer"]) for d in json.loads(out)["diagnostics"]}
    assert ("PV103", "/interactions/0/response/body/id") in found  # id became a string
    assert ("PV103", "/interactions/0/response/body") in found  # stock is missing
    assert "body $.id: Expected '1' (String) to be an integer" in text
    assert "Actual map is missing the following keys: stock" in text
    assert "1 of 2 interactions failed" in text


@pytest.mark.parametrize(
    ("fmt", "needle"), [("sarif", '"ruleId": "PV103"'), ("junit", "PV103"), ("github", "::error file=")]
)
def test_every_format_reports_the_mismatch(fresh_pact: Path, fmt: str, needle: str) -> None:
    with serve_asgi(create_app(Store(), states=True, broken=True)) as url:
        code, out, _ = _verify(url, "--pact", str(fresh_pact), "--state-change-url", url + STATES, "-f", fmt)
    assert code == 1 and needle in out and "missing the following keys: stock" in out


def test_orders_runs_against_inventory_stubbed_from_the_pact() -> None:
    """The consumer side of the loop: orders' integration test needs no real inventory,
    only the pact served by apictl's stub engine."""
    import httpx
    from examples.contract.orders.app import create_app as create_orders

    from apictl.contract.pact import load_pact
    from apictl.contract.stub import StubEngine
    from apictl.serve.asgi import AsgiApp

    stub = AsgiApp(StubEngine([load_pact(PACT)]).handle)  # what `apictl contract stub PACT` serves
    with serve_asgi(stub) as inventory, serve_asgi(create_orders(inventory)) as orders:
        answers = [
            httpx.post(orders + "/orders", json={"item": item, "quantity": quantity}, timeout=10)
            for item, quantity in ((1, 2), (1, 50), (9, 1))
        ]
    assert [(a.status_code, a.json()) for a in answers] == [
        (201, {"item": 1, "quantity": 2, "status": "accepted"}),
        (409, {"error": "only 5 in stock"}),
        (404, {"error": "no item 9"}),
    ]
    _conform_to_orders_document(answers)


def _conform_to_orders_document(answers: list[Any]) -> None:
    """orders answers as its own OpenAPI document (examples/contract/orders/openapi.yaml) says."""
    import jsonschema
    import yaml

    document = yaml.safe_load((EXAMPLE / "orders/openapi.yaml").read_text())
    responses = document["paths"]["/orders"]["post"]["responses"]
    for answer in answers:
        described = responses[str(answer.status_code)]["content"]["application/json"]["schema"]
        schema = {**described, "components": document["components"]}
        jsonschema.Draft202012Validator(schema).validate(answer.json())
        assert answer.headers["content-type"].startswith("application/json")


def test_a_provider_under_a_base_path(fresh_pact: Path) -> None:
    inner = create_app(states=True)

    async def mounted(scope: Any, receive: Any, send: Any) -> None:  # inventory served under /api
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            scope = dict(scope, path=scope["path"][4:])
        elif scope["type"] == "http" and scope["path"] != STATES:
            scope = dict(scope, path="/not-mounted")
        await inner(scope, receive, send)

    with serve_asgi(mounted) as url:
        code, out, _ = _verify(url + "/api", "--pact", str(fresh_pact), "--state-change-url", url + STATES)
    assert code == 0 and ": passed" in out
