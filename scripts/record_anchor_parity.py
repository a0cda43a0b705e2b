#!/usr/bin/env python3
"""Record what the anchors (Spectral, Redocly) flag on apictl's rule fixtures.

For every apictl rule mapped to an anchor rule, runs the anchor on each of the
rule's fixtures with only the mapped anchor rules on (Spectral: a ruleset
`extends: [[spectral:oas, off]]` + `rules: {<id>: true}`; Redocly: `lint
--config` with only those rules), and writes the flagged lines to
tests/fixtures/parity/<tool>/<CODE>.json. tests/rules/test_anchor_parity.py
compares apictl's lines with them on every run, offline.

    python3 scripts/record_anchor_parity.py              # all rules
    python3 scripts/record_anchor_parity.py OAS415 ...   # some rules
    python3 scripts/record_anchor_parity.py --report     # also print each pair's relation

Needs the anchors installed in bench/.cache/node (`bash bench/setup.sh`).
"""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests import parity  # noqa: E402


def record(codes: list[str], report: bool) -> int:
    if not parity.anchors_installed():
        print(f"anchors not installed in {parity.NODE_BIN} (run `bash bench/setup.sh`)", file=sys.stderr)
        return 2
    os.chdir(ROOT)
    pairs = [p for p in parity.pairs() if not codes or p.rule.code in codes]
    # One anchor run per (tool, rule, fixture), with all the rule's applicable anchor ids on.
    jobs: dict[tuple[str, str, Path], list[str]] = {}
    for p in pairs:
        for f in p.fixtures:
            jobs.setdefault((p.tool, p.rule.code, f), []).append(p.anchor_id)
    by_code = {p.rule.code: p.rule for p in pairs}

    def run(key: tuple[str, str, Path]) -> dict[str, set[str]]:
        tool, code, path = key
        rule = by_code[code]
        options = {i: parity.anchor_options(rule, tool, i) for i in jobs[key]}
        return parity.run_anchor(tool, jobs[key], path, options)

    with ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 2) * 2)) as pool:
        results = dict(zip(jobs, pool.map(run, jobs), strict=True))
    files: dict[tuple[str, str], dict[str, dict[str, list[str]]]] = {}
    for (tool, code, path), lines in results.items():
        entry = files.setdefault((tool, code), {})
        entry[parity.fixture_name(path)] = {i: sorted(v, key=_order) for i, v in sorted(lines.items())}
    for (tool, code), data in sorted(files.items()):
        out = parity.RECORDED / tool / f"{code}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        package = parity.anchors()[tool]["package"]
        text = json.dumps({"anchor": package, "fixtures": dict(sorted(data.items()))}, indent=1, ensure_ascii=False)
        out.write_text(text + "\n", encoding="utf-8")
    print(f"recorded {len(results)} anchor runs for {len(files)} (tool, rule) pairs", file=sys.stderr)
    if report:
        for p in pairs:
            mine = parity.union(parity.apictl_lines(p.rule, f) for f in p.fixtures)
            theirs = parity.union(results[(p.tool, p.rule.code, f)][p.anchor_id] for f in p.fixtures)
            got = parity.relation(mine, theirs) if p.fixtures else "no-fixture"
            want, _ = parity.documented(p)
            flag = "" if got == want else f"   (documented: {want})"
            print(f"{p.rule.code} {p.tool:8} {p.anchor_id:45} {got}{flag}")
            if got != parity.SAME:
                print(f"    apictl: {sorted(mine - theirs, key=_order)}  anchor: {sorted(theirs - mine, key=_order)}")
    return 0


def _order(line: str) -> tuple[str, int]:
    name, _, number = line.rpartition(":")
    return name, int(number)


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(record([a for a in args if not a.startswith("-")], "--report" in args))
