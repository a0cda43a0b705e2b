"""Pacts whose examples contradict their own matchers are reported, located."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.contract.examples import CODE, example_problems
from apictl.contract.pact import load_pact
from tests.cli.helpers import invoke

FIXTURES = Path(__file__).parent / "fixtures"


def test_contradictions_are_located_diagnostics() -> None:
    found = example_problems(load_pact(FIXTURES / "contradicting.json", "contradicting.json"))
    assert [(d.code, d.pointer, d.line) for d in found] == [
        (CODE, "/interactions/0/request/path", 9),
        (CODE, "/interactions/0/response/body/id", 15),
        (CODE, "/interactions/0/response/body/tags", 15),
    ]
    assert found[0].message == (
        "interaction 'get an item': the request example contradicts its own matcher "
        "(path: Expected '/items/abc' to match '/items/\\d+')"
    )


def test_consistent_pacts_have_none() -> None:
    for path in sorted((FIXTURES / "pacts").glob("*.json")):
        assert example_problems(load_pact(path)) == [], path.name


def test_the_stub_warns_but_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[object] = []

    def fake_serve(args: object, engine: object) -> int:
        served.append(engine)
        return 0

    monkeypatch.setattr("apictl.cli.contract_stub_run._serve", fake_serve)
    result = invoke("contract", "stub", FIXTURES / "contradicting.json")
    assert result.exit_code == 0 and served
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("apictl: warning: ") for line in lines)
    assert "contradicting.json:9:" in lines[0]


def test_strict_refuses_them() -> None:
    result = invoke("contract", "stub", "--strict", FIXTURES / "contradicting.json")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("apictl: error: ") for line in lines)
