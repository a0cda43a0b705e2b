"""`contract verify` reaches a broker only when asked: `--broker-url`, or
PACT_BROKER_BASE_URL without local pacts (the Pact tools' variable, an explicit opt-in);
local pacts always win over the job-wide variable. --help says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.contract.verify import run as verify_run
from apictl.contract.verify.request import VerifyRequest
from apictl.contract.verify.run import VerifyOutcome
from tests.cli.helpers import invoke

PACT = Path("tests/contract/fixtures/pacts/orders-inventory-v2.json")


@pytest.fixture
def requests(monkeypatch: pytest.MonkeyPatch) -> list[VerifyRequest]:
    seen: list[VerifyRequest] = []

    def fake_run(request: VerifyRequest) -> VerifyOutcome:
        seen.append(request)
        return VerifyOutcome()

    monkeypatch.setattr(verify_run, "run", fake_run)
    monkeypatch.setenv("PACT_BROKER_BASE_URL", "https://broker.example")
    return seen


def test_local_pacts_never_go_to_the_broker_of_the_environment(requests: list[VerifyRequest]) -> None:
    invoke("contract", "verify", "--provider", "inventory", "--base-url", "http://127.0.0.1:9", "--pact", PACT)
    assert requests[-1].broker is None


def test_the_environment_variable_alone_is_an_opt_in(requests: list[VerifyRequest]) -> None:
    invoke("contract", "verify", "--provider", "inventory", "--base-url", "http://127.0.0.1:9")
    broker = requests[-1].broker
    assert broker is not None and broker.url == "https://broker.example"


def test_help_says_when_verify_uses_the_network() -> None:
    text = " ".join(invoke("contract", "verify", "--help").stdout.split())
    assert "Fetch the pacts from this broker over the network" in text
    assert "PACT_BROKER_BASE_URL" in text
