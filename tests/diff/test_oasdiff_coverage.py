"""The rules' `oasdiff=` ids against oasdiff 1.15's checklist (docs/parity/oasdiff-checks.json,
from `oasdiff checks -f json`): every declared id is a real check, every check is declared by a rule
or explained in docs/parity/oasdiff-unmapped.yaml, and no rule reports an id it does not declare."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from apictl.diff.engine import load_rules
from tests.diff.test_oasdiff_parity import OASDIFF

CHECKS = {c["id"]: c["level"] for c in json.loads(Path("docs/parity/oasdiff-checks.json").read_text())}
UNMAPPED: dict[str, str] = yaml.safe_load(Path("docs/parity/oasdiff-unmapped.yaml").read_text())
RULES = load_rules()


def test_declared_ids_are_oasdiff_checks() -> None:
    bogus = {(r.code, i) for r in RULES for i in r.oasdiff if i not in CHECKS}
    assert not bogus, f"ids oasdiff 1.15 does not have: {sorted(bogus)}"


def test_every_check_is_mapped_or_explained() -> None:
    declared = {i for r in RULES for i in r.oasdiff}
    assert set(CHECKS) - declared == set(UNMAPPED), "map the check to a rule or explain it in oasdiff-unmapped.yaml"
    assert all(str(reason).strip() for reason in UNMAPPED.values())
    assert len(declared & set(CHECKS)) == 459


@pytest.mark.skipif(not OASDIFF.exists(), reason="oasdiff not installed in bench/.cache")
def test_checklist_is_the_installed_oasdiffs() -> None:
    out = subprocess.run([str(OASDIFF), "checks", "-f", "json"], capture_output=True, text=True, check=True).stdout
    assert {c["id"]: c["level"] for c in json.loads(out)} == CHECKS


def test_a_rule_cannot_claim_an_id_it_does_not_declare() -> None:
    from dataclasses import replace

    from apictl.diff.engine import diff
    from apictl.diff.sides import open_side

    folder = Path("tests/diff/fixtures/BRK201")
    rule = next(r for r in RULES if r.code == "BRK201")
    undeclared = replace(rule, oasdiff=())
    old, new = open_side(str(folder / "old.yaml")), open_side(str(folder / "new.yaml"))
    assert [d.extra.get("oasdiff") for d in diff(old, new, [(rule, rule.severity, {})])] == ["api-operation-id-removed"]
    assert [d.extra.get("oasdiff") for d in diff(old, new, [(undeclared, rule.severity, {})])] == [None]
