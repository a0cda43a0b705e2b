"""Each apictl rule that maps to a Spectral or Redocly rule flags the same nodes as
that rule on the apictl rule's fixtures, or the difference is documented in
docs/parity/anchors.yaml (`parity:`), and rendered in docs/rule-parity.md.

Nodes are compared by line (file and line number): anchors report a key or its
value, apictl a key, so small values in the fixtures are written in flow style
to keep a key and its value on one line.

* Always (offline): apictl's lines against the anchors' lines recorded in
  tests/fixtures/parity/<tool>/<CODE>.json by scripts/record_anchor_parity.py.
* When the anchors are installed in bench/.cache/node (`bash bench/setup.sh`):
  Spectral and Redocly are run, with only the mapped rule on, and must still
  report what was recorded (re-run the script when they legitimately change).
"""

from __future__ import annotations

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from apictl.core.registry import Rule
from tests import parity

PAIRS = [p for p in parity.pairs()]


def _pair_id(p: parity.Pair) -> str:
    return f"{p.rule.code}-{p.tool}-{p.anchor_id}"


def test_every_pair_has_a_fixture() -> None:
    missing = [_pair_id(p) for p in PAIRS if not p.fixtures]
    assert not missing, f"add a fixture in a format the anchor rule checks for: {missing}"


def test_recorded_data_is_complete_and_current() -> None:
    expected: dict[tuple[str, str], dict[str, set[str]]] = {}
    for p in PAIRS:
        for f in p.fixtures:
            expected.setdefault((p.tool, p.rule.code), {}).setdefault(parity.fixture_name(f), set()).add(p.anchor_id)
    problems = []
    for (tool, code), by_fixture in sorted(expected.items()):
        got = parity.recorded(tool, code)
        for name, ids in sorted(by_fixture.items()):
            if set(got.get(name, {})) != ids:
                problems.append(f"{tool}/{code}.json: {name} records {sorted(got.get(name, {}))}, want {sorted(ids)}")
        for name in sorted(set(got) - set(by_fixture)):
            problems.append(f"{tool}/{code}.json: stale fixture {name}")
    for path in sorted(parity.RECORDED.glob("*/*.json")):
        if (path.parent.name, path.stem) not in expected:
            problems.append(f"stale file {path.relative_to(parity.ROOT)}")
    assert not problems, "run `python3 scripts/record_anchor_parity.py`:\n" + "\n".join(problems)


def test_documented_differences_name_real_pairs() -> None:
    known = {(p.rule.code, p.tool, p.anchor_id) for p in PAIRS}
    problems = []
    for code, tools in (parity.anchors().get("parity") or {}).items():
        for tool, entries in tools.items():
            for anchor_id, entry in entries.items():
                if (code, tool, anchor_id) not in known:
                    problems.append(f"{code} {tool} {anchor_id}: no such mapping")
                if entry.get("relation") not in parity.RELATIONS or entry["relation"] == parity.SAME:
                    problems.append(f"{code} {tool} {anchor_id}: relation must be one of {parity.RELATIONS[1:]}")
                if not str(entry.get("reason", "")).strip():
                    problems.append(f"{code} {tool} {anchor_id}: give a reason")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("pair", [p for p in PAIRS if p.fixtures], ids=_pair_id)
def test_recorded_parity(pair: parity.Pair) -> None:
    recorded = parity.recorded(pair.tool, pair.rule.code)
    mine = parity.union(parity.apictl_lines(pair.rule, f) for f in pair.fixtures)
    theirs = parity.union(set(recorded.get(parity.fixture_name(f), {}).get(pair.anchor_id, [])) for f in pair.fixtures)
    got = parity.relation(mine, theirs)
    want, _ = parity.documented(pair)
    assert got == want, (
        f"{pair.rule.code} vs {pair.tool} `{pair.anchor_id}`: {got}, documented {want} "
        f"(only apictl: {sorted(mine - theirs)}, only {pair.tool}: {sorted(theirs - mine)}); "
        "fix the rule or document the difference in docs/parity/anchors.yaml"
    )


def _configured(rule: Rule) -> bool:
    return bool(parity.apictl_options(rule))


@pytest.mark.parametrize(
    "rule", [r for p in PAIRS for r in [p.rule] if _configured(r)], ids=lambda r: f"{r.code}-{r.name}"
)
def test_configurable_rules_are_quiet_without_options(rule: Rule) -> None:
    """Rules that need configuration report nothing with their default (empty) options."""
    for path in parity.fixtures(rule.code):
        result = parity.lint_file(path.relative_to(parity.ROOT), parity.only(rule, dict(rule.options)))
        assert [d for d in result.diagnostics if d.code == rule.code] == [], path


# Live anchors ---------------------------------------------------------------------------------

live = pytest.mark.skipif(not parity.anchors_installed(), reason="anchors not installed (bash bench/setup.sh)")


@pytest.fixture(scope="module")
def live_lines() -> dict[tuple[str, str, str], dict[str, list[str]]]:
    """(tool, code, fixture name) -> anchor id -> lines, from running the anchors now."""
    jobs: dict[tuple[str, str, Path], list[str]] = {}
    rules: dict[str, Rule] = {}
    for p in PAIRS:
        rules[p.rule.code] = p.rule
        for f in p.fixtures:
            jobs.setdefault((p.tool, p.rule.code, f), []).append(p.anchor_id)

    def run(key: tuple[str, str, Path]) -> dict[str, set[str]]:
        tool, code, path = key
        options = {i: parity.anchor_options(rules[code], tool, i) for i in jobs[key]}
        return parity.run_anchor(tool, jobs[key], path, options)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = dict(zip(jobs, pool.map(run, jobs), strict=True))
    return {
        (tool, code, parity.fixture_name(path)): {i: sorted(v) for i, v in lines.items()}
        for (tool, code, path), lines in results.items()
    }


@live
@pytest.mark.slow
@pytest.mark.parametrize("pair", [p for p in PAIRS if p.fixtures], ids=_pair_id)
def test_live_anchor_matches_recorded(
    pair: parity.Pair, live_lines: dict[tuple[str, str, str], dict[str, list[str]]]
) -> None:
    recorded = parity.recorded(pair.tool, pair.rule.code)
    for f in pair.fixtures:
        name = parity.fixture_name(f)
        now = set(live_lines[(pair.tool, pair.rule.code, name)][pair.anchor_id])
        then = set(recorded.get(name, {}).get(pair.anchor_id, []))
        assert now == then, (
            f"{pair.tool} `{pair.anchor_id}` on {name} now flags {sorted(now)}, recorded {sorted(then)}; "
            "run `python3 scripts/record_anchor_parity.py` and review the relations"
        )


@live
def test_spectral_rule_list_is_current() -> None:
    """docs/parity/anchors.yaml lists the installed `spectral:oas` rules as they are."""
    script = """
const rs = require(process.argv[1]).default;
const names = {'OpenAPI 2.0 (Swagger)': ['oas2'], 'OpenAPI 3.x': ['oas3.0', 'oas3.1', 'oas3.2'],
  'OpenAPI 3.0.x': ['oas3.0'], 'OpenAPI 3.1.x': ['oas3.1'], 'OpenAPI 3.2.x': ['oas3.2']};
const sev = {0: 'error', 1: 'warn', 2: 'info', 3: 'hint'};
console.log(JSON.stringify(Object.entries(rs.rules).map(([id, r]) => ({
  id, recommended: r.recommended !== false,
  severity: r.severity === undefined ? 'warn' : (sev[r.severity] || r.severity),
  formats: r.formats ? [].concat(...r.formats.map(f => names[f.displayName])) : ['oas2', 'oas3.0', 'oas3.1', 'oas3.2'],
}))));
"""
    index = parity.NODE_BIN.parent / "@stoplight" / "spectral-rulesets" / "dist" / "oas" / "index.js"
    proc = subprocess.run(["node", "-e", script, str(index)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    installed: list[dict[str, Any]] = json.loads(proc.stdout)
    listed = [
        {k: r[k] for k in ("id", "recommended", "severity", "formats")} for r in parity.anchors()["spectral"]["rules"]
    ]
    assert listed == installed
