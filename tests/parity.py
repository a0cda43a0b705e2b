"""Rule parity with the anchors (Spectral, Redocly): which anchor rules each
apictl rule fixture exercises, the lines apictl and the anchors flag on it, and
how the two sets relate.

Used by tests/rules/test_anchor_parity.py (recorded and live comparisons),
tests/test_parity_docs.py and scripts/record_anchor_parity.py. The anchors are
run from bench/.cache/node (installed by `bash bench/setup.sh`), never fetched.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from apictl.core.config import Config, RuleSetting
from apictl.core.loader import load_file
from apictl.core.registry import Rule
from apictl.lint.engine import lint_file, load_rules
from apictl.specs.openapi.version import detect

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "rules" / "fixtures"
OPTIONS = ROOT / "tests" / "rules" / "options.yaml"  # per rule: options for its fixtures (apictl and anchors)
RECORDED = ROOT / "tests" / "fixtures" / "parity"  # <tool>/<CODE>.json, by scripts/record_anchor_parity.py
ANCHORS = ROOT / "docs" / "parity" / "anchors.yaml"
NODE_BIN = ROOT / "bench" / ".cache" / "node" / "node_modules" / ".bin"
TOOLS = ("spectral", "redocly")
# Anchors must never touch the network: no telemetry, no update check, no colours.
TOOL_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true", "NO_COLOR": "1", "FORCE_COLOR": "0"}

# How apictl's lines (A) relate to an anchor's (T) on a rule's fixtures.
SAME = "same"  # A == T
FEWER = "fewer"  # A ⊊ T: the anchor also flags nodes apictl does not (or flags them once per use)
MORE = "more"  # A ⊋ T: apictl also flags nodes the anchor does not
OVERLAP = "overlap"  # some lines in common, neither contains the other
DISJOINT = "disjoint"  # both flag the fixture, never on the same line
ANCHOR_SILENT = "anchor-silent"  # the anchor flags nothing on the fixture
RELATIONS = (SAME, FEWER, MORE, OVERLAP, DISJOINT, ANCHOR_SILENT)
AGREEING = (SAME, FEWER, MORE, OVERLAP)  # at least one node flagged by both


@cache
def anchors() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ANCHORS.read_text(encoding="utf-8"))
    return data


def anchor_rules(tool: str) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in anchors()[tool]["rules"]}


@cache
def rule_options() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = yaml.safe_load(OPTIONS.read_text(encoding="utf-8")) or {}
    return data


def apictl_options(rule: Rule) -> dict[str, Any]:
    return dict(rule_options().get(rule.code, {}).get("apictl", {}))


def anchor_options(rule: Rule, tool: str, anchor_id: str) -> dict[str, Any]:
    return dict(rule_options().get(rule.code, {}).get(tool, {}).get(anchor_id, {}))


def fixtures(code: str, ok: bool = False) -> list[Path]:
    """`<CODE>.yaml`, `<CODE>.json`, `<CODE>.<variant>.yaml|json`, or a folder
    `<CODE>[.<variant>]/openapi.yaml`; `.ok` variants must stay quiet."""
    out = []
    for p in sorted(FIXTURES.glob(f"{code}.*")) + sorted(FIXTURES.glob(code)):
        if p.name.startswith(f"{code}.ok") != ok:
            continue
        if p.is_dir():
            out.append(p / "openapi.yaml")
        elif p.suffix in (".yaml", ".json"):
            out.append(p)
    return out


def fixture_name(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


@cache
def fixture_version(path: Path) -> str:
    doc = load_file(path, str(path))
    return detect(doc.data, str(path))


def only(rule: Rule, options: dict[str, Any] | None = None) -> Config:
    """A configuration running `rule` alone, with `options`."""
    cfg = Config(extends=["all"])
    cfg.rules = {r.code: RuleSetting(None) for r in load_rules() if r.code != rule.code}
    cfg.rules[rule.code] = RuleSetting(rule.severity, dict(options or {}))
    return cfg


def applicable(rule: Rule, tool: str, version: str) -> list[str]:
    """The anchor rules `rule` maps to that run on documents of `version`."""
    known = anchor_rules(tool)
    ids = rule.spectral if tool == "spectral" else rule.redocly
    return [i for i in ids if i in known and version in known[i]["formats"]]


def _line(base: Path, source: str, line: int) -> str:
    path = Path(source)
    path = path if path.is_absolute() else (base / path)
    try:
        rel = path.resolve().relative_to(FIXTURES.resolve()).as_posix()
    except ValueError:
        rel = path.name
    return f"{rel}:{line}"


def apictl_lines(rule: Rule, path: Path) -> set[str]:
    result = lint_file(path.relative_to(ROOT), only(rule, apictl_options(rule)))
    assert result.error is None, result.error
    return {_line(ROOT, d.uri, d.span.line if d.span else 1) for d in result.diagnostics if d.code == rule.code}


def anchors_installed() -> bool:
    return all((NODE_BIN / t).exists() for t in TOOLS)


def run_anchor(tool: str, ids: Iterable[str], path: Path, options: dict[str, dict[str, Any]]) -> dict[str, set[str]]:
    """Run `tool` on `path` with only the anchor rules `ids` on; the lines each flags."""
    ids = list(ids)
    out: dict[str, set[str]] = {i: set() for i in ids}
    if not ids:
        return out
    with tempfile.TemporaryDirectory() as tmp:
        if tool == "spectral":
            cfg = Path(tmp) / "ruleset.yaml"
            cfg.write_text(yaml.safe_dump({"extends": [["spectral:oas", "off"]], "rules": dict.fromkeys(ids, True)}))
            cmd = [str(NODE_BIN / "spectral"), "lint", "-r", str(cfg), "-f", "json", "--quiet", path.name]
        else:
            cfg = Path(tmp) / "redocly.yaml"
            rules = {i: {"severity": "error", **options.get(i, {})} for i in ids}
            cfg.write_text(yaml.safe_dump({"rules": rules}))
            cmd = [str(NODE_BIN / "redocly"), "lint", "--config", str(cfg), "--format", "json"]
            cmd += ["--max-problems", "100000", path.name]
        proc = subprocess.run(
            cmd, cwd=path.parent, capture_output=True, text=True, env={**os.environ, **TOOL_ENV}, timeout=300
        )
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{tool} failed on {path} (rc={proc.returncode}): {proc.stderr[-2000:]}")
    text = proc.stdout.strip()
    if tool == "spectral":
        for item in json.loads(text or "[]"):
            if item.get("code") in out:
                out[item["code"]].add(_line(path.parent, item["source"], item["range"]["start"]["line"] + 1))
    else:
        for item in json.loads(text[text.index("{") :])["problems"]:
            if item.get("ruleId") in out:
                loc = item["location"][0]
                out[item["ruleId"]].add(_line(path.parent, loc["source"]["ref"], loc["start"]["line"]))
    return out


def relation(mine: set[str], theirs: set[str]) -> str:
    if not theirs:
        return ANCHOR_SILENT
    if mine == theirs:
        return SAME
    if mine < theirs:
        return FEWER
    if mine > theirs:
        return MORE
    return OVERLAP if mine & theirs else DISJOINT


@dataclass(frozen=True)
class Pair:
    """One apictl rule and one anchor rule it maps to, with the fixtures both run on."""

    rule: Rule
    tool: str
    anchor_id: str
    fixtures: tuple[Path, ...]


def pairs(rules: Iterable[Rule] | None = None) -> Iterator[Pair]:
    for rule in rules if rules is not None else load_rules():
        for tool in TOOLS:
            ids = rule.spectral if tool == "spectral" else rule.redocly
            for anchor_id in ids:
                if anchor_id not in anchor_rules(tool):
                    continue
                paths = tuple(p for p in fixtures(rule.code) if anchor_id in applicable(rule, tool, fixture_version(p)))
                yield Pair(rule, tool, anchor_id, paths)


def documented(pair: Pair) -> tuple[str, str]:
    """The relation anchors.yaml documents for a pair (`same` unless said), and why."""
    entry = anchors().get("parity", {}).get(pair.rule.code, {}).get(pair.tool, {}).get(pair.anchor_id)
    if entry is None:
        return SAME, ""
    return entry["relation"], entry.get("reason", "")


def recorded(tool: str, code: str) -> dict[str, dict[str, list[str]]]:
    """fixture name -> anchor id -> lines, as last recorded."""
    path = RECORDED / tool / f"{code}.json"
    if not path.exists():
        return {}
    data: dict[str, dict[str, list[str]]] = json.loads(path.read_text(encoding="utf-8"))["fixtures"]
    return data


def union(per_fixture: Iterable[set[str]]) -> set[str]:
    out: set[str] = set()
    for lines in per_fixture:
        out |= lines
    return out
