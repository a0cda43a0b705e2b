"""`apictl ci` checks the pacts it finds (`ci.pacts`) against the OpenAPI
contract their provider names, and its findings reach the text, SARIF, JUnit
and Markdown outputs like lint findings and breaking changes."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.ci.test_ci import FIXTURES, _validate_sarif, clean_env, make_repo  # noqa: F401  (fixture)
from tests.cli.helpers import invoke

PACTS = FIXTURES / "pacts"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _with_pacts(tmp_path: Path, *names: str) -> Path:
    repo = make_repo(tmp_path, "passing")
    (repo / "pacts").mkdir()
    for name in names:
        shutil.copy(PACTS / name, repo / "pacts" / name)
    return repo


@pytest.mark.usefixtures("clean_env")
def test_a_pact_that_holds_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_with_pacts(tmp_path, "web-petstore.json"))
    result = invoke("ci", "-j", "1")
    assert result.exit_code == 0, result.stdout
    # two contracts in the repo: the provider "petstore" names api/openapi.yaml by its title
    assert "Contract check: 1 of 1 pact file checked against api/openapi.yaml: 0 errors, 0 warnings" in result.stdout


@pytest.mark.usefixtures("clean_env")
def test_pact_findings_gate_and_reach_every_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _with_pacts(tmp_path, "web-petstore.json", "web-petstore-broken.json")
    monkeypatch.chdir(repo)
    result = invoke("ci", "-j", "1")
    assert result.exit_code == 1
    assert "2 of 2 pact files checked against api/openapi.yaml: 2 errors, 0 warnings" in result.stdout
    assert "request.path-or-method.unknown" in result.stdout
    sarif = _validate_sarif(repo / "reports" / "apictl.sarif")
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"request.path-or-method.unknown", "response.body.incompatible"}
    where = results[0]["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "pacts/web-petstore-broken.json"
    assert where["region"]["startLine"] > 1
    rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "response.body.incompatible" in rules
    junit = ET.parse(repo / "reports" / "apictl-junit.xml").getroot()
    assert junit.get("failures") == "2"
    markdown = (repo / "reports" / "apictl-summary.md").read_text(encoding="utf-8")
    assert "### Contract check" in markdown and "response.body.incompatible" in markdown


@pytest.mark.usefixtures("clean_env")
def test_pacts_without_a_matching_contract_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_with_pacts(tmp_path, "web-billing.json", "web-petstore.json"))
    result = invoke("ci", "-j", "1")
    assert result.exit_code == 0
    assert "1 of 2 pact files checked against api/openapi.yaml; no contract named after the provider of" in (
        result.stdout
    )
    assert "pacts/web-billing.json" in result.stdout


@pytest.mark.usefixtures("clean_env")
def test_an_unreadable_pact_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _with_pacts(tmp_path, "web-petstore.json")
    (repo / "pacts" / "broken.json").write_text('{"consumer": {"name": "web"}, "interactions": []}\n')
    monkeypatch.chdir(repo)
    result = invoke("ci", "-j", "1")
    assert result.exit_code == 2
    assert "pacts/broken.json" in result.stdout + result.stderr
