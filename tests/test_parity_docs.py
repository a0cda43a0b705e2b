"""docs/rule-parity.md is generated and current, and every rule of the anchors'
lists (docs/parity/anchors.yaml) is covered by an apictl rule or has a reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from apictl.lint.engine import load_rules
from tests import parity

ROOT = Path(__file__).resolve().parent.parent


def test_parity_docs_are_current() -> None:
    proc = subprocess.run(
        [sys.executable, "scripts/gen_parity_docs.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, f"run `python3 scripts/gen_parity_docs.py`:\n{proc.stdout}{proc.stderr}"


def test_every_anchor_rule_is_mapped_or_explained() -> None:
    rules = load_rules()
    problems = []
    for tool in parity.TOOLS:
        mapped = {i for r in rules for i in (r.spectral if tool == "spectral" else r.redocly)}
        reasons = (parity.anchors().get("unmapped") or {}).get(tool) or {}
        ids = [r["id"] for r in parity.anchors()[tool]["rules"]]
        assert len(ids) == len(set(ids)), f"{tool}: duplicate ids in anchors.yaml"
        for anchor_id in ids:
            if anchor_id not in mapped and not str(reasons.get(anchor_id, "")).strip():
                problems.append(f"{tool} `{anchor_id}`: map it from an apictl rule or give a reason under `unmapped`")
        for anchor_id in reasons:
            if anchor_id in mapped:
                problems.append(f"{tool} `{anchor_id}` is mapped: remove its reason under `unmapped`")
            if anchor_id not in ids:
                problems.append(f"{tool} `{anchor_id}` under `unmapped` is not one of the anchor's rules")
    assert not problems, "\n".join(problems)


def test_mapped_ids_are_anchor_rules() -> None:
    rules = load_rules()
    problems = []
    for tool in parity.TOOLS:
        known = {r["id"] for r in parity.anchors()[tool]["rules"]}
        aliases = set((parity.anchors().get("aliases") or {}).get(tool) or {})
        used = set()
        for r in rules:
            for anchor_id in r.spectral if tool == "spectral" else r.redocly:
                used.add(anchor_id)
                if anchor_id not in known and anchor_id not in aliases:
                    problems.append(
                        f"{r.code}: {tool} `{anchor_id}` is not an anchor rule (typo, or list it under `aliases`)"
                    )
        problems += [f"{tool} alias `{a}` is used by no rule" for a in sorted(aliases - used)]
    assert not problems, "\n".join(problems)


def test_every_mapped_pair_agrees_on_a_node() -> None:
    """Issue #8: for each mapped rule, a fixture where both tools flag the same node.
    tests/rules/test_anchor_parity.py checks the documented relation is the real one."""
    apart = [
        f"{p.rule.code} vs {p.tool} `{p.anchor_id}`: {parity.documented(p)[0]}"
        for p in parity.pairs()
        if parity.documented(p)[0] not in parity.AGREEING
    ]
    assert not apart, "add a fixture both flag on the same line, or fix the mapping:\n" + "\n".join(apart)
