"""One test per protobuf breaking rule, driven by data: tests/diff/proto/fixtures/<CODE>/old/
and new/ differ by the change the rule reports; the text users see is snapshotted in
tests/golden/diff/proto/<CODE>.txt (APICTL_REGEN=1 to update)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from apictl.core.registry import Rule
from apictl.diff.proto.categories import BUF_CATEGORIES
from apictl.diff.proto.engine import diff_proto, load_rules
from apictl.diff.proto.run import ProtoDiffOutcome
from apictl.diff.proto.sides import ProtoSide, open_proto_side
from apictl.report import render
from tests.golden import assert_golden

FIXTURES = Path("tests/diff/proto/fixtures")
RULES = load_rules()
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References")


@cache
def _side(folder: str) -> ProtoSide:
    side = open_proto_side(folder)
    assert not side.errors, side.errors
    return side


def _diff(rule: Rule, old: str, new: str) -> ProtoDiffOutcome:
    a, b = _side(old), _side(new)
    found = diff_proto(a.docs, a.files, b.docs, b.files, [(rule, rule.severity, dict(rule.options))])
    return ProtoDiffOutcome(a, b, found, None)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.buf[0]}")
def test_rule_fires_on_its_fixture(rule: Rule) -> None:
    folder = FIXTURES / rule.code
    assert (folder / "old").is_dir(), f"add {folder}/old/ and new/ that trigger {rule.buf[0]}"
    outcome = _diff(rule, str(folder / "old"), str(folder / "new"))
    mine = [d for d in outcome.diagnostics if d.code == rule.code]
    assert mine, f"{rule.code} reported nothing on {folder}"
    assert all("internal error" not in d.message for d in mine), mine
    assert all(d.old_uri is not None and d.category == rule.category for d in mine)
    assert_golden(f"diff/proto/{rule.code}.txt", render("text", mine, outcome.report_context()))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.buf[0]}")
def test_rule_quiet_on_identical_versions(rule: Rule) -> None:
    old = str(FIXTURES / rule.code / "old")
    assert _diff(rule, old, old).diagnostics == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.buf[0]}")
def test_rule_documentation(rule: Rule) -> None:
    for section in SECTIONS:
        assert section in rule.doc, f"{rule.code} docstring lacks {section!r}"
    assert re.fullmatch(r"PBB[123]\d\d", rule.code), rule.code
    assert rule.category == ("wire" if rule.code[3] in "12" else "sdk")
    assert rule.kind == "breaking" and rule.formats == frozenset({"proto"})
    assert rule.name == rule.buf[0].lower().replace("_", "-")
    assert rule.summary.endswith("."), f"{rule.code}: first docstring line should be a sentence"
    cats = BUF_CATEGORIES[rule.buf[0]]
    assert ("WIRE" in cats) == (rule.code[3] == "1"), "PBB1xx are exactly buf's WIRE rules"
    assert ("WIRE_JSON" in cats and "WIRE" not in cats) == (rule.code[3] == "2")


def test_every_buf_rule_once() -> None:
    ids = [r.buf[0] for r in RULES]
    assert sorted(ids) == sorted(BUF_CATEGORIES), set(ids) ^ set(BUF_CATEGORIES)
    assert len(RULES) == 64


def test_openapi_and_proto_catalogues_stay_apart() -> None:
    from apictl.diff.engine import load_rules as openapi_rules

    assert not {r.code for r in openapi_rules()} & {r.code for r in RULES}
