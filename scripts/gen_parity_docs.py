#!/usr/bin/env python3
"""Generate docs/rule-parity.md: each Spectral and Redocly built-in rule, the apictl
rule(s) that cover it (from the registry's `spectral=` / `redocly=` ids) or why none
does, and how the two compare on apictl's fixtures (docs/parity/anchors.yaml).

python3 scripts/gen_parity_docs.py          # write
python3 scripts/gen_parity_docs.py --check  # exit 1 if the page is stale
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from apictl.core.registry import Rule  # noqa: E402
from apictl.lint.engine import load_rules  # noqa: E402

ANCHORS = ROOT / "docs" / "parity" / "anchors.yaml"
OUT = ROOT / "docs" / "rule-parity.md"
TOOLS = {"spectral": "Spectral", "redocly": "Redocly"}
VERSIONS = ("oas2", "oas3.0", "oas3.1", "oas3.2")


def mapped_by(rules: list[Rule], tool: str) -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = {}
    for r in rules:
        for anchor_id in r.spectral if tool == "spectral" else r.redocly:
            out.setdefault(anchor_id, []).append(r)
    return out


def formats(fs: list[str]) -> str:
    if list(fs) == list(VERSIONS):
        return "all"
    if [f for f in fs if f != "oas2"] == list(VERSIONS[1:]) and "oas2" not in fs:
        return "3.x"
    return ", ".join(f.removeprefix("oas") for f in fs)


def redocly_default(entry: dict[str, Any]) -> str:
    rec = entry["recommended"]
    if isinstance(rec, str):
        return rec
    groups: dict[str, list[str]] = {}
    for version, severity in rec.items():
        groups.setdefault(severity, []).append(version)
    return "; ".join(f"{sev} ({formats(vs)})" for sev, vs in groups.items())


class Notes:
    """Numbered notes under a table: documented fixture differences and reasons."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, text: str) -> int:
        self.items.append(text)
        return len(self.items)


def check_cell(data: dict[str, Any], rule: Rule, tool: str, anchor_id: str, notes: Notes) -> str:
    entry = data.get("parity", {}).get(rule.code, {}).get(tool, {}).get(anchor_id)
    if entry is None:
        return "same"
    n = notes.add(f"{rule.code} `{rule.name}` vs `{anchor_id}` — **{entry['relation']}**: {entry['reason']}")
    return f"{entry['relation']} [{n}](#{tool}-note-{n})"


def table(data: dict[str, Any], rules: list[Rule], tool: str) -> list[str]:
    anchors = data[tool]["rules"]
    by_id = mapped_by(rules, tool)
    unmapped = data.get("unmapped", {}).get(tool, {}) or {}
    notes = Notes()
    if tool == "spectral":
        head = "| Spectral rule | formats | severity | on by default | apictl | apictl severity / preset | fixtures |"
    else:
        head = "| Redocly rule | formats | `recommended` | apictl | apictl severity / preset | fixtures |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for entry in anchors:
        anchor_id = entry["id"]
        mine = by_id.get(anchor_id, [])
        if mine:
            codes = "<br>".join(f"[{r.code}](rules/{r.code}.md) `{r.name}`" for r in mine)
            sev = "<br>".join(f"{r.severity.label} / {r.preset}" for r in mine)
            check = "<br>".join(check_cell(data, r, tool, anchor_id, notes) for r in mine)
        else:
            codes, sev, check = f"— {unmapped.get(anchor_id, '(no reason given)')}", "—", "—"
        if tool == "spectral":
            default = "yes" if entry["recommended"] else "no (`all`)"
            cells = [f"`{anchor_id}`", formats(entry["formats"]), entry["severity"], default, codes, sev, check]
        else:
            cells = [f"`{anchor_id}`", formats(entry["formats"]), redocly_default(entry), codes, sev, check]
        lines.append("| " + " | ".join(cells) + " |")
    if notes.items:
        lines += ["", "Documented differences on apictl's fixtures:", ""]
        lines += [f'{i}. <a id="{tool}-note-{i}"></a>{text}' for i, text in enumerate(notes.items, 1)]
    return lines


def summary(data: dict[str, Any], rules: list[Rule]) -> list[str]:
    out = [
        "| anchor | built-in rules | on by default | covered by apictl | not covered | rule pairs | same lines "
        "| some lines in common | no line in common |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for tool, label in TOOLS.items():
        anchors = data[tool]["rules"]
        by_id = mapped_by(rules, tool)
        if tool == "spectral":
            total, on = str(len(anchors)), str(sum(1 for a in anchors if a["recommended"]))
        else:
            total = (
                f"{len(anchors)} ("
                + ", ".join(
                    f"{v.removeprefix('oas')}: {sum(1 for a in anchors if v in a['formats'])}" for v in VERSIONS
                )
                + ")"
            )
            on = ", ".join(
                f"{v.removeprefix('oas')}: {sum(1 for a in anchors if _rec(a).get(v, 'off') != 'off')}"
                for v in VERSIONS
            )
        covered = sum(1 for a in anchors if a["id"] in by_id)
        pairs = [(r, a["id"]) for a in anchors for r in by_id.get(a["id"], [])]
        documented = [
            data.get("parity", {}).get(r.code, {}).get(tool, {}).get(i, {}).get("relation", "same") for r, i in pairs
        ]
        same = documented.count("same")
        some = sum(1 for d in documented if d in ("fewer", "more", "overlap"))
        out.append(
            f"| {label} ({data[tool]['package']}) | {total} | {on} | {covered} | {len(anchors) - covered} "
            f"| {len(pairs)} | {same} | {some} | {len(pairs) - same - some} |"
        )
    return out


def _rec(entry: dict[str, Any]) -> dict[str, str]:
    rec = entry["recommended"]
    return {v: rec for v in entry["formats"]} if isinstance(rec, str) else dict(rec)


def others(data: dict[str, Any], rules: list[Rule]) -> list[str]:
    lines = []
    aliases = data.get("aliases", {}) or {}
    for tool, label in TOOLS.items():
        for anchor_id, why in (aliases.get(tool) or {}).items():
            users = ", ".join(r.code for r in rules if anchor_id in (r.spectral if tool == "spectral" else r.redocly))
            lines.append(f"- {label} `{anchor_id}` ({users}): {why}")
    alone = [r for r in rules if not r.spectral and not r.redocly and r.formats & set(VERSIONS)]
    out = []
    if lines:
        out += ["## Other ids in apictl's mappings", "", *lines, ""]
    out += [
        "## apictl rules without an anchor equivalent",
        "",
        ", ".join(f"[{r.code}](rules/{r.code}.md) `{r.name}`" for r in alone) or "None.",
        "",
    ]
    return out


def render() -> str:
    data = yaml.safe_load(ANCHORS.read_text(encoding="utf-8"))
    rules = load_rules()
    out = [
        "# Rule parity with Spectral and Redocly",
        "",
        "Generated by `python3 scripts/gen_parity_docs.py` from docs/parity/anchors.yaml (the anchors' rule "
        "lists, reasons and documented differences) and apictl's rule registry; do not edit by hand.",
        "",
        "Each built-in rule of Spectral's `spectral:oas` ruleset and of Redocly CLI maps to the apictl "
        "rule(s) that check the same thing. **fixtures** says how the findings compare on the apictl "
        "rule's fixtures (tests/rules/fixtures/), with only that anchor rule on: `same` — both flag "
        "exactly the same lines; `fewer` — the anchor also flags lines apictl does not; `more` — apictl "
        "also flags lines the anchor does not; `overlap` — some lines in common; `disjoint` — both flag the "
        "fixture, on different lines; `anchor-silent` — the anchor flags nothing there. Everything but "
        "`same` is explained in the notes. The anchors' findings are recorded in "
        "tests/fixtures/parity/ by `scripts/record_anchor_parity.py`; tests/rules/test_anchor_parity.py "
        "checks them against apictl on every run, and against the live anchors when they are installed.",
        "",
        "Redocly's counts include `struct` and `no-unresolved-refs`, which it configures for every format. "
        "A rule pair is an apictl rule and an anchor rule it covers; both flag at least one common line on "
        "the fixtures unless the pair is counted under *no line in common*.",
        "",
        "Severities: Spectral's own (`spectral:oas` turns on the rules marked on by default); Redocly's in "
        "its `recommended` config (`off`: only in `all`, where every rule is an error). apictl's presets "
        "nest: minimal ⊂ recommended ⊂ all.",
        "",
        *summary(data, rules),
        "",
        "## Spectral (`spectral:oas`)",
        "",
        *table(data, rules, "spectral"),
        "",
        "## Redocly CLI",
        "",
        *table(data, rules, "redocly"),
        "",
        *others(data, rules),
    ]
    return "\n".join(out).rstrip() + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"stale: {OUT.relative_to(ROOT)} (run `python3 scripts/gen_parity_docs.py`)")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
