"""`apictl lint --ruleset FILE` end to end, and rulesets that cannot be used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import invoke

DATA = Path("tests/spectral/data")
BAD = DATA / "bad"
RULESETS = Path("tests/fixtures/spectral/rulesets")
SPEC = DATA / "functions" / "spec.yaml"


def test_lint_with_a_ruleset() -> None:
    result = invoke("lint", "--ruleset", DATA / "rulesets" / "main.yaml", DATA / "rulesets" / "spec.yaml", "-f", "json")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    found = {
        (d["code"], d["rule"], d["severity"], d["range"]["start"]["line"], d["range"]["start"]["column"])
        for d in report["diagnostics"]
    }
    assert ("base-operation-summary", "base-operation-summary", "warn", 5, 9) in found
    assert ("main-param-description", "main-param-description", "hint", 15, 11) in found  # pointer override
    assert not any(code.startswith("OAS") and code != "OAS201" for code, *_ in found)  # no presets with a ruleset
    assert result.stderr == ""


def test_text_output_names_rule_and_position() -> None:
    result = invoke("lint", "-r", DATA / "rulesets" / "main.yaml", DATA / "rulesets" / "spec.yaml", "--no-color")
    assert "tests/spectral/data/rulesets/spec.yaml" in result.stdout
    assert "Operations need a summary (get.summary)" in result.stdout


def test_spectral_oas_maps_to_apictl_rules() -> None:
    result = invoke("lint", "--ruleset", "spectral:oas", "tests/fixtures/apis-guru/pendo.io.json", "-f", "json")
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert codes and all(c.startswith("OAS") for c in codes), codes


def test_ruleset_in_apictl_yaml(tmp_path: Path) -> None:
    ruleset = (DATA / "rulesets" / "main.yaml").resolve()
    config = tmp_path / "apictl.yaml"
    config.write_text(f"ruleset: {ruleset}\n", encoding="utf-8")
    result = invoke("lint", "-c", config, DATA / "rulesets" / "spec.yaml", "-f", "json")
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert "base-operation-summary" in codes


def test_extends_a_ruleset_in_apictl_yaml_keeps_named_presets(tmp_path: Path) -> None:
    ruleset = (DATA / "rulesets" / "main.yaml").resolve()
    config = tmp_path / "apictl.yaml"
    config.write_text(f"extends: [recommended, {ruleset}]\n", encoding="utf-8")
    result = invoke("lint", "-c", config, "tests/fixtures/apis-guru/pendo.io.json", "-f", "json")
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert "base-schema-type" in codes or "main-param-description" in codes
    assert any(c.startswith("OAS") for c in codes)


def test_custom_functions_are_skipped_with_a_warning() -> None:
    result = invoke("lint", "--ruleset", BAD / "custom-function.yaml", SPEC, "-f", "json")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "apictl: warning: tests/spectral/data/bad/custom-function.yaml: rule 'custom' uses custom function "
        "'myCheck' (JavaScript), which apictl cannot run: skipped"
    ]
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert "pure" in codes and "custom" not in codes


@pytest.mark.parametrize(
    ("ruleset", "message"),
    [
        ("yaml-error.yaml", "tests/spectral/data/bad/yaml-error.yaml:5:1: "),
        ("unknown-function.yaml", "rule 'uses-unknown': unknown function 'notAFunction' (core functions: "),
        ("bad-jsonpath.yaml", "rule 'broken-path': invalid filter in JSONPath '$.paths[?(@.x ==)]'"),
        ("missing-extends.yaml", "extended ruleset './does-not-exist.yaml' not found"),
        ("cycle-a.yaml", "ruleset `extends` cycle: tests/spectral/data/bad/cycle-a.yaml -> "),
        ("asyncapi.yaml", "`extends: spectral:asyncapi` is not supported (apictl lints OpenAPI only)"),
        ("npm.yaml", "npm package ruleset '@acme/spectral-style-guide' is not installed"),
        ("remote.yaml", "remote ruleset 'https://example.com/ruleset.yaml' is not supported (no network access)"),
        ("bad-options.yaml", 'rule \'bad-casing\': "casing" function and its "type" option accept the following'),
        ("unknown-alias.yaml", 'alias "Nope" does not exist'),
        ("bad-severity.yaml", "rule 'sev': the severity has to be one of"),
        ("not-a-mapping.yaml", "a ruleset must be a mapping"),
        ("javascript.js", "JavaScript rulesets are not supported"),
        ("missing.yaml", "ruleset file not found"),
    ],
)
def test_bad_rulesets_are_configuration_errors(ruleset: str, message: str) -> None:
    result = invoke("lint", "--ruleset", BAD / ruleset, SPEC)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("apictl: error: tests/spectral/data/bad/"), lines[0]
    assert message in lines[0], lines[0]
    assert result.stdout == ""


def test_several_files_in_worker_processes() -> None:
    files = [DATA / "rulesets" / "spec.yaml", DATA / "rulesets" / "legacy" / "old.yaml"]
    result = invoke("lint", "--ruleset", DATA / "rulesets" / "main.yaml", *files, "-j", "2", "-f", "json")
    report = json.loads(result.stdout)
    assert {d["file"] for d in report["diagnostics"]} == {str(f) for f in files}
    sev = {(d["file"].rsplit("/", 1)[-1], d["code"]): d["severity"] for d in report["diagnostics"]}
    assert sev[("old.yaml", "base-schema-type")] == "info"  # `overrides` for legacy/**
    assert ("old.yaml", "main-param-description") not in sev


def test_sarif_describes_ruleset_rules() -> None:
    result = invoke(
        "lint", "--ruleset", DATA / "rulesets" / "main.yaml", DATA / "rulesets" / "spec.yaml", "-f", "sarif"
    )
    rules = {r["id"]: r for r in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["main-param-description"]["shortDescription"]["text"] == "Parameters need a description"
    assert rules["base-schema-type"]["helpUri"] == "https://example.com/base#base-schema-type"
