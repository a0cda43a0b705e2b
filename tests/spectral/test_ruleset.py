"""Ruleset loading and merging: `extends` (files and spectral:oas), severities,
`recommended`, aliases, `formats`, `overrides`, the mapping of spectral:oas
rules to apictl's, and the `ruleset`/`extends` keys of apictl.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.core.config import parse_config
from apictl.core.diagnostic import Severity
from apictl.core.errors import ConfigError
from apictl.lint.spectral import builtin_rules, document_formats, load_ruleset, run
from apictl.lint.spectral.ruleset import Ruleset
from tests.spectral.conftest import workspace_from_data

OAS3 = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}
OAS2 = {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {}}


def write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp: Path, text: str) -> Ruleset:
    return load_ruleset(str(write(tmp, "ruleset.yaml", text)), tmp).ruleset


def builtins(ruleset: Ruleset, data: dict[str, object], kind: str = "oas3.0") -> dict[str, Severity]:
    found = builtin_rules(ruleset, kind, document_formats(ruleset, data))
    return {r.name: sev for r, sev, _ in found}


def codes(ruleset: Ruleset, data: dict[str, object]) -> list[tuple[str, str, str]]:
    return sorted((d.code, d.severity.label, d.pointer) for d in run(workspace_from_data(data), ruleset))


def test_spectral_oas_off_then_one_rule_on(tmp_path: Path) -> None:
    ruleset = load(tmp_path, "extends: [[spectral:oas, off]]\nrules:\n  operation-description: error\n")
    assert builtins(ruleset, OAS3) == {"operation-description": Severity.ERROR, "no-unresolved-refs": Severity.ERROR}


def test_spectral_oas_recommended_and_all(tmp_path: Path) -> None:
    recommended = builtins(load(tmp_path, "extends: spectral:oas\n"), OAS3)
    everything = builtins(load(tmp_path, "extends: [[spectral:oas, all]]\n"), OAS3)
    assert "info-contact" in recommended and "info-license" not in recommended  # info-license: recommended false
    assert "info-license" in everything
    assert set(recommended) < set(everything)


def test_spectral_oas_formats_decide_per_document(tmp_path: Path) -> None:
    ruleset = load(tmp_path, "extends: [[spectral:oas, off]]\nrules:\n  oas2-api-host: warn\n")
    assert "servers-defined" in builtins(ruleset, OAS2, "oas2")  # oas2-api-host's apictl counterpart
    assert "servers-defined" not in builtins(ruleset, OAS3)


def test_every_spectral_oas_rule_has_an_apictl_counterpart() -> None:
    from apictl.lint.spectral.oas import mapped
    from apictl.lint.spectral.oas_data import OAS

    assert set(OAS["rules"]) - mapped() == set()


def test_unmapped_pure_spectral_oas_rules_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from apictl.lint.spectral import oas

    monkeypatch.setattr(oas, "mapped", lambda: frozenset())  # as if apictl had no counterparts
    ruleset = load(tmp_path, "extends: [[spectral:oas, off]]\nrules:\n  oas2-anyOf: warn\n")
    doc = {**OAS2, "definitions": {"A": {"anyOf": [{"type": "string"}]}}}
    assert codes(ruleset, doc) == [("oas2-anyOf", "warn", "/definitions/A/anyOf")]


def test_severities_recommended_and_booleans(tmp_path: Path) -> None:
    write(
        tmp_path,
        "base.yaml",
        """
rules:
  a: {given: $.info, then: {field: a, function: truthy}}
  b: {given: $.info, recommended: false, then: {field: b, function: truthy}}
  c: {given: $.info, severity: 3, then: {field: c, function: truthy}}
  d: {given: $.info, then: {field: d, function: truthy}}
""",
    )
    ruleset = load(tmp_path, "extends: ./base.yaml\nrules:\n  a: 0\n  c: info\n  d: false\n")
    assert codes(ruleset, OAS3) == [("a", "error", "/info"), ("c", "info", "/info")]
    ruleset = load(tmp_path, "extends: [[./base.yaml, all]]\nrules:\n  d: off\n")
    assert [c for c, _, _ in codes(ruleset, OAS3)] == ["a", "b", "c"]


def test_formats_of_rules_and_rulesets(tmp_path: Path) -> None:
    ruleset = load(
        tmp_path,
        """
formats: [oas2]
rules:
  only-oas2: {given: $.info, then: {field: x, function: truthy}}
  only-oas3: {given: $.info, formats: [oas3.0], then: {field: y, function: truthy}}
""",
    )
    assert [c for c, _, _ in codes(ruleset, OAS2)] == ["only-oas2"]
    assert [c for c, _, _ in codes(ruleset, OAS3)] == ["only-oas3"]


def test_unrecognized_format(tmp_path: Path) -> None:
    ruleset = load(tmp_path, "formats: [json-schema]\nrules:\n  r: {given: $, then: {field: x, function: truthy}}\n")
    found = run(workspace_from_data(OAS3), ruleset)
    assert [(d.code, d.message) for d in found] == [
        ("unrecognized-format", "The provided document does not match any of the registered formats [JSON Schema]")
    ]


def test_documentation_url(tmp_path: Path) -> None:
    ruleset = load(
        tmp_path,
        "documentationUrl: https://x.test/rules\nrules:\n  r: {given: $, then: {field: x, function: truthy}}\n",
    )
    assert ruleset.rules["r"].documentation_url == "https://x.test/rules#r"
    (diag,) = run(workspace_from_data(OAS3), ruleset)
    assert diag.extra["documentationUrl"] == "https://x.test/rules#r"


def test_scoped_alias_picks_the_target_of_the_document_format(tmp_path: Path) -> None:
    ruleset = load(
        tmp_path,
        """
formats: [oas2, oas3]
aliases:
  Info:
    targets:
      - {formats: [oas2], given: ["$.info.title"]}
      - {formats: [oas3], given: ["$.info.version"]}
rules:
  r: {given: "#Info", then: {function: pattern, functionOptions: {match: "^z"}}}
""",
    )
    assert codes(ruleset, OAS2) == [("r", "warn", "/info/title")]
    assert codes(ruleset, OAS3) == [("r", "warn", "/info/version")]


def test_extends_an_installed_package(tmp_path: Path) -> None:
    write(tmp_path, "node_modules/@acme/style/package.json", '{"name": "@acme/style", "main": "ruleset.yaml"}')
    write(
        tmp_path,
        "node_modules/@acme/style/ruleset.yaml",
        "rules:\n  acme: {given: $.info, then: {field: x, function: truthy}}\n",
    )
    ruleset = load(tmp_path, 'extends: "@acme/style"\n')
    assert [c for c, _, _ in codes(ruleset, OAS3)] == ["acme"]


def test_legacy_except_becomes_overrides(tmp_path: Path) -> None:
    loaded = load_ruleset(
        str(
            write(
                tmp_path,
                "r.yaml",
                'except:\n  "spec.yaml#/info": [r]\nrules:\n  r: {given: $.info, then: {field: x, function: truthy}}\n',
            )
        ),
        tmp_path,
    )
    assert loaded.for_file(tmp_path / "spec.yaml").rules["r"].pointer_overrides == {"spec.yaml": {"#/info": -1}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "aliases: {A: ['#B'], B: ['#A']}\nrules:\n  r: {given: '#A', then: {function: truthy}}\n",
            'alias "A" is circular',
        ),
        ("rules:\n  r: {given: '#', then: {function: truthy}}\n", "must match /^#([A-Za-z0-9_-]+)/"),
        ("rules:\n  r: {given: 'info', then: {function: truthy}}\n", "`given` must be a JSONPath expression"),
        ("rules:\n  r: off\n", 'cannot extend non-existing rule: "r"'),
        ("rules:\n  r: {given: $, then: {function: truthy}, extra: 1}\n", "unknown key(s) ['extra']"),
        ("rule: {}\n", "unknown ruleset key(s) ['rule']"),
        ("rules:\n  r: {given: $, then: {function: truthy, field: '$[?('}}\n", "invalid `then.field`"),
        ("extends: [[spectral:oas, most]]\n", "must be a ruleset or [ruleset, recommended|all|off]"),
        ("formats: [oas4]\n", "unknown format 'oas4'"),
    ],
)
def test_invalid_rulesets(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        load(tmp_path, text)
    assert message in str(err.value)


def test_apictl_yaml_ruleset_keys(tmp_path: Path) -> None:
    cfg = parse_config({"ruleset": ".spectral.yaml"}, "apictl.yaml", tmp_path)
    assert (cfg.ruleset, cfg.extends) == (".spectral.yaml", [])
    cfg = parse_config({"extends": ["recommended", "spectral:oas"]}, "apictl.yaml", tmp_path)
    assert (cfg.ruleset, cfg.extends) == ("spectral:oas", ["recommended"])
    cfg = parse_config({"extends": "./style.json"}, "apictl.yaml", tmp_path)
    assert (cfg.ruleset, cfg.extends) == ("./style.json", [])
    with pytest.raises(ConfigError, match="only one Spectral ruleset"):
        parse_config({"extends": "spectral:oas", "ruleset": "x.yaml"}, "apictl.yaml", tmp_path)
