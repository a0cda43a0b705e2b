"""examples/contract without running anything: both services' OpenAPI documents lint
clean, orders' pact agrees with inventory's document (`apictl contract check`, and
`apictl ci` with examples/contract/apictl.yaml), and a provider document that breaks
the pact is caught with the findings the guide (docs/contract-testing.md) shows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import ROOT, invoke

EXAMPLE = Path("examples/contract")  # relative: the suite runs from the repo root
PACTS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / EXAMPLE / "pacts").glob("*.json"))
INVENTORY = EXAMPLE / "inventory/openapi.yaml"


RENAMED = (("[id, name, stock]", "[id, name, quantity]"), ("stock: {type", "quantity: {type"))
RETYPED = (("id: {type: integer}", "id: {type: string}"),)
IN_STOCK = "a request for an item in stock"


def _broken_inventory(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """inventory's document after a careless change."""
    text = INVENTORY.read_text()
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    out = tmp_path / "openapi.yaml"
    out.write_text(text)
    return out


def test_both_documents_lint_clean() -> None:
    result = invoke("lint", EXAMPLE / "inventory/openapi.yaml", EXAMPLE / "orders/openapi.yaml")
    assert result.exit_code == 0, result.stdout


def test_the_pact_agrees_with_the_providers_document() -> None:
    assert PACTS, "examples/contract/pacts holds the consumer's pact"
    result = invoke("contract", "check", *PACTS, "--spec", INVENTORY, "--fail-on", "info")
    assert (result.exit_code, result.stderr) == (0, ""), result.stdout
    assert "No problems found" in result.stdout


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (RENAMED, {("response.body.incompatible", "/interactions/0/response/body", "error")}),
        (
            RETYPED,
            {
                ("response.body.incompatible", "/interactions/0/response/body/id", "error"),
                ("response.matcher.incompatible", "/interactions/0/response/matchingRules/body/$.id", "warn"),
            },
        ),
    ],
    ids=["stock renamed", "id a string"],
)
def test_a_breaking_provider_document_fails_the_check(
    tmp_path: Path, edits: tuple[tuple[str, str], ...], expected: set[tuple[str, str, str]]
) -> None:
    result = invoke("contract", "check", *PACTS, "--spec", _broken_inventory(tmp_path, *edits), "-f", "json")
    assert result.exit_code == 1
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert {(d["code"], d["pointer"], d["severity"]) for d in diagnostics} == expected
    assert {d["interaction"] for d in diagnostics} == {IN_STOCK}


def test_apictl_ci_runs_lint_and_the_contract_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "services"
    shutil.copytree(ROOT / EXAMPLE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    broken = _broken_inventory(tmp_path, *RENAMED)
    monkeypatch.chdir(copy)
    result = invoke("ci", "--no-diff")
    assert result.exit_code == 0, result.stdout
    assert "Contract check: 1 of 1 pact file checked against inventory/openapi.yaml: 0 errors" in result.stdout

    shutil.copy(broken, copy / "inventory/openapi.yaml")
    result = invoke("ci", "--no-diff")
    assert result.exit_code == 1
    assert "Contract check: 1 of 1 pact file checked against inventory/openapi.yaml: 1 error" in result.stdout


def test_an_unreadable_pact_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "orders-inventory.json"
    bad.write_text((ROOT / PACTS[0]).read_text()[:200])
    result = invoke("contract", "check", bad, "--spec", INVENTORY)
    assert result.exit_code == 2 and result.stderr.startswith(f"apictl: error: {bad}:")
    assert result.stderr.count("\n") == 1
