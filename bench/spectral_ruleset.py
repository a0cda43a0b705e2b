#!/usr/bin/env python3
"""Spectral vs `apictl lint --ruleset` on the same Spectral ruleset and spec: CPU ratio.

    python bench/spectral_ruleset.py                                    # spectral:oas on GitHub's spec
    python bench/spectral_ruleset.py --ruleset tests/fixtures/spectral/rulesets/spectral-oas-core/ruleset.yaml
    python bench/spectral_ruleset.py --ruleset R.yaml --spec stripe --repeat 3 --json
    python bench/spectral_ruleset.py --ruleset tests/fixtures/spectral/rulesets/rhoas/ruleset.yaml \
        --spectral-ruleset tests/spectral/data/agreement/rhoas-pure.yaml   # rules with custom JS functions

Both tools run as fresh processes in an empty temporary folder with the same
ruleset file and spec (absolute paths): `spectral lint -r RULESET SPEC -f json`
and `apictl lint --ruleset RULESET SPEC -f json`. CPU = user+sys of the process
tree (wait4). The headline is the CPU ratio Spectral/apictl (higher = apictl
faster); findings are counted from each JSON report (apictl's include its own
rules standing in for spectral:oas, so counts need not be equal).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import BENCH, SPECS, SPECTRAL, SPECTRAL_RULESET, count_findings, measure, median

DEFAULT_APICTL = f"{sys.executable} -m apictl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ruleset", default=str(SPECTRAL_RULESET), help="Spectral ruleset (default: spectral:oas)")
    ap.add_argument("--spectral-ruleset", help="ruleset for Spectral when it differs (e.g. without rules apictl skips)")
    ap.add_argument("--spec", default="github", help=f"{', '.join(SPECS)} or a path (default: github)")
    ap.add_argument("--apictl", default=DEFAULT_APICTL, help=f"apictl command (default: {DEFAULT_APICTL})")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--skip-spectral", action="store_true", help="only run apictl")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    spec = SPECS.get(args.spec) or Path(args.spec)
    ruleset = Path(args.ruleset).resolve()
    spectral_ruleset = Path(args.spectral_ruleset).resolve() if args.spectral_ruleset else ruleset
    for needed in [spec, ruleset] if args.skip_spectral else [spec, ruleset, SPECTRAL]:
        if not Path(needed).exists():
            sys.exit(f"bench: {needed} not found (run `bash bench/setup.sh`)")
    spec = Path(spec).resolve()
    commands = {
        "spectral": [str(SPECTRAL), "lint", "-r", str(spectral_ruleset), str(spec), "-f", "json"],
        "apictl": [*shlex.split(args.apictl), "lint", "--ruleset", str(ruleset), str(spec), "-f", "json"],
    }
    if args.skip_spectral:
        del commands["spectral"]
    runs: dict[str, list[dict[str, Any]]] = {tool: [] for tool in commands}
    with tempfile.TemporaryDirectory() as empty:
        for _ in range(args.repeat):
            for tool, cmd in commands.items():
                run = measure(cmd, args.timeout, cwd=empty)
                ok = run.rc in (0, 1) and not run.timed_out
                runs[tool].append(
                    {
                        "cpu_s": run.cpu_s,
                        "wall_s": run.wall_s,
                        "peak_mib": run.peak_mib,
                        "rc": run.rc,
                        "findings": count_findings(tool, run) if ok else None,
                        "error": "" if ok else (run.stderr.strip().splitlines() or ["?"])[-1][:300],
                    }
                )
    summary = {
        tool: {k: median([r[k] for r in rs]) for k in ("cpu_s", "wall_s", "peak_mib")} for tool, rs in runs.items()
    }
    result: dict[str, Any] = {
        "ruleset": str(ruleset.relative_to(BENCH.parent)) if ruleset.is_relative_to(BENCH.parent) else str(ruleset),
        "spec": args.spec,
        "runs": runs,
        "median": summary,
    }
    if "spectral" in summary:
        result["cpu_ratio"] = summary["spectral"]["cpu_s"] / summary["apictl"]["cpu_s"]
        result["wall_ratio"] = summary["spectral"]["wall_s"] / summary["apictl"]["wall_s"]
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"ruleset {result['ruleset']} on {args.spec} ({args.repeat} run(s), medians)")
    for tool, s in summary.items():
        findings = runs[tool][-1]["findings"]
        error = runs[tool][-1]["error"]
        print(
            f"  {tool:9} CPU {s['cpu_s']:8.2f} s   wall {s['wall_s']:8.2f} s   peak {s['peak_mib']:7.0f} MiB"
            f"   findings {findings if findings is not None else '-'}{'   ' + error if error else ''}"
        )
    if "cpu_ratio" in result:
        print(f"  CPU ratio Spectral/apictl: {result['cpu_ratio']:.1f}x   wall ratio: {result['wall_ratio']:.1f}x")


if __name__ == "__main__":
    main()
