"""One test per breaking rule, driven by data: tests/diff/fixtures/<CODE>/old.yaml and
new.yaml differ by the change the rule reports; the text users see is snapshotted in
tests/golden/diff/<CODE>.txt (APICTL_REGEN=1 to update)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from apictl.core.registry import Rule
from apictl.diff.engine import diff, load_rules
from apictl.diff.run import DiffOutcome
from apictl.diff.sides import open_side
from apictl.report import render
from tests.golden import assert_golden

FIXTURES = Path("tests/diff/fixtures")
RULES = load_rules()
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References")
TODAY = date(2025, 6, 1)


def _diff_with(rule: Rule, folder: Path) -> DiffOutcome:
    old, new = open_side(str(folder / "old.yaml")), open_side(str(folder / "new.yaml"))
    found = diff(old, new, [(rule, rule.severity, dict(rule.options))], TODAY)
    return DiffOutcome(old, new, found, None)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_fires_on_its_fixture(rule: Rule) -> None:
    folder = FIXTURES / rule.code
    assert (folder / "old.yaml").exists(), f"add {folder}/old.yaml and new.yaml that trigger {rule.name}"
    outcome = _diff_with(rule, folder)
    mine = [d for d in outcome.diagnostics if d.code == rule.code]
    assert mine, f"{rule.code} reported nothing on {folder}"
    assert all("internal error" not in d.message for d in mine), mine
    assert all(d.old_uri is not None and d.category == rule.category for d in mine)
    assert_golden(f"diff/{rule.code}.txt", render("text", mine, outcome.report_context()))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_quiet_on_identical_versions(rule: Rule) -> None:
    folder = FIXTURES / rule.code
    old = open_side(str(folder / "old.yaml"))
    assert diff(old, open_side(str(folder / "old.yaml")), [(rule, rule.severity, {})], TODAY) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_documentation(rule: Rule) -> None:
    for section in SECTIONS:
        assert section in rule.doc, f"{rule.code} docstring lacks {section!r}"
    assert re.fullmatch(r"BRK[123]\d\d", rule.code), rule.code
    assert rule.category == {"1": "wire", "2": "sdk", "3": "docs"}[rule.code[3]]
    assert rule.kind == "breaking"
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
    assert rule.summary.endswith("."), f"{rule.code}: first docstring line should be a sentence"
    if rule.category == "docs":
        assert rule.severity.label == "info"


def test_lint_and_diff_catalogues_stay_apart() -> None:
    from apictl.lint.engine import load_rules as lint_rules

    assert not {r.code for r in lint_rules()} & {r.code for r in RULES}
    assert all(r.kind == "lint" for r in lint_rules())
