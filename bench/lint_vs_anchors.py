#!/usr/bin/env python3
"""Lint the same specs with Spectral, Redocly and apictl; compare CPU, wall time and memory.

    python bench/lint_vs_anchors.py                          # GitHub + Stripe specs, once each
    python bench/lint_vs_anchors.py --repeat 3 --markdown    # table for docs/benchmarks.md
    python bench/lint_vs_anchors.py --spec my.yaml --apictl "python -m apictl" --json

Every run is a fresh process; CPU = user+sys of the whole process tree and peak RSS =
ru_maxrss, both from wait4(). With --repeat N the medians are shown. The headline is
the anchor/apictl ratio (higher = apictl better), which survives a noisy machine far
better than absolute seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from _common import (
    SPECS,
    TOOL_ENV,
    Run,
    apictl_cmd,
    count_findings,
    measure,
    median,
    redocly_cmd,
    require_cache,
    severity_counts,
    spectral_cmd,
)

TOOLS = ("spectral", "redocly", "apictl")
ANCHORS = ("spectral", "redocly")


def command_for(tool: str, spec: Path, apictl: str) -> list[str]:
    if tool == "spectral":
        return spectral_cmd(spec)
    if tool == "redocly":
        return redocly_cmd(spec)
    return apictl_cmd(apictl, spec)


def status_of(tool: str, run: Run, findings: int | None) -> str:
    if run.rc is None:
        return f"failed to start: {run.error}"
    if run.timed_out:
        return "timeout"
    if findings is None or run.rc not in (0, 1):
        tail = run.stderr.strip().splitlines()[-1:] or ["no output"]
        return f"failed (rc={run.rc}): {tail[0][:200]}"
    return "ok"


def bench_one(tool: str, spec: Path, args: argparse.Namespace, cwd: str) -> dict[str, Any]:
    cmd = command_for(tool, spec, args.apictl)
    runs: list[Run] = []
    statuses: list[str] = []
    findings: int | None = None
    by_severity: dict[str, int] | None = None
    for i in range(args.repeat):
        print(f"[bench] {spec.name}: {tool} run {i + 1}/{args.repeat} ...", file=sys.stderr, flush=True)
        run = measure(cmd, args.timeout, cwd)
        n = count_findings(tool, run)
        statuses.append(status_of(tool, run, n))
        runs.append(run)
        if n is not None:
            findings, by_severity = n, severity_counts(tool, run)
        if statuses[-1] != "ok":
            print(f"[bench]   {tool}: {statuses[-1]}", file=sys.stderr)
            break  # a broken or missing tool will not fix itself on the next run
    good = [r for r, s in zip(runs, statuses, strict=True) if s == "ok"]
    return {
        "spec": str(spec),
        "tool": tool,
        "status": statuses[-1],
        "findings": findings,
        "by_severity": by_severity,
        "runs": len(good),
        "wall_s": median([r.wall_s for r in good]) if good else None,
        "cpu_s": median([r.cpu_s for r in good]) if good else None,
        "peak_mib": median([r.peak_mib for r in good]) if good else None,
        "all_runs": [r.summary() for r in runs],
    }


def add_ratios(rows: list[dict[str, Any]]) -> None:
    """ratio = anchor / apictl for each metric (only when both ran fine)."""
    for row in rows:
        base = next((r for r in rows if r["spec"] == row["spec"] and r["tool"] == "apictl"), None)
        ok = base is not None and base["status"] == "ok" and row["status"] == "ok"
        for metric, key in (("cpu_s", "cpu_x"), ("wall_s", "wall_x"), ("peak_mib", "mem_x")):
            row[key] = row[metric] / base[metric] if ok and base and base[metric] else None


def fmt(value: Any, digits: int = 2, suffix: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}{suffix}" if isinstance(value, float) else str(value)


HEADER = ["Spec", "Tool", "Findings", "Wall s", "CPU s", "Peak MiB", "CPU ×", "Wall ×", "Mem ×"]


def table_rows(rows: list[dict[str, Any]]) -> list[list[str]]:
    out = []
    for r in rows:
        cells = [
            Path(r["spec"]).name,
            r["tool"],
            fmt(r["findings"]),
            fmt(r["wall_s"]),
            fmt(r["cpu_s"]),
            fmt(r["peak_mib"], 0),
            fmt(r["cpu_x"], 1, "x"),
            fmt(r["wall_x"], 1, "x"),
            fmt(r["mem_x"], 1, "x"),
        ]
        if r["status"] != "ok":  # full reason is printed under the table
            cells[2] = "not started" if r["status"].startswith("failed to start") else r["status"].split(":")[0]
        out.append(cells)
    return out


def print_table(rows: list[dict[str, Any]], markdown: bool) -> None:
    body = table_rows(rows)
    if markdown:
        print("| " + " | ".join(HEADER) + " |")
        print("|" + "|".join("---" if i < 2 else "---:" for i in range(len(HEADER))) + "|")
        for cells in body:
            print("| " + " | ".join(cells) + " |")
        return
    widths = [max(len(c) for c in col) for col in zip(HEADER, *body, strict=True)]
    for cells in [HEADER, *body]:
        padded = (c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        print("  ".join(padded))


def print_notes(rows: list[dict[str, Any]]) -> None:
    notes = [f"note: {r['tool']} on {Path(r['spec']).name}: {r['status']}" for r in rows if r["status"] != "ok"]
    if notes:
        print("\n" + "\n".join(notes))


def print_headline(rows: list[dict[str, Any]]) -> None:
    print("\nRatios anchor/apictl (higher = apictl faster / leaner):")
    shown = False
    for r in rows:
        if r["tool"] in ANCHORS and r["cpu_x"] is not None:
            shown = True
            print(
                f"  {Path(r['spec']).name:28} {r['tool'] + '/apictl':16} CPU {r['cpu_x']:.1f}x  "
                f"wall {r['wall_x']:.1f}x  memory {r['mem_x']:.1f}x"
            )
    if not shown:
        print("  (none: needs apictl and at least one anchor to run successfully)")


def version_of(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd + ["--version"], capture_output=True, text=True, timeout=60, env=TOOL_ENV)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    lines = out.stdout.strip().splitlines()
    return lines[-1].strip() if out.returncode == 0 and lines else "?"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spec", action="append", type=Path, help="spec to lint (repeatable; default: GitHub and Stripe)")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of %(default)s")
    ap.add_argument(
        "--apictl", default="apictl", help='apictl command line, e.g. "python -m apictl" (default: %(default)s)'
    )
    ap.add_argument("--repeat", type=int, default=1, help="runs per tool and spec; medians are reported")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per run (default: %(default)s)")
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    out.add_argument("--json", action="store_true", help="print all results (every run) as JSON")
    args = ap.parse_args()
    tools = [t for t in args.tools.split(",") if t]
    if bad := set(tools) - set(TOOLS):
        ap.error(f"unknown tool(s): {', '.join(sorted(bad))}")
    require_cache()
    specs = [p.resolve() for p in (args.spec or [SPECS["github"], SPECS["stripe"]])]
    for spec in specs:
        if not spec.is_file():
            ap.error(f"spec not found: {spec}")

    versions = {"spectral": version_of(spectral_cmd("x")[:1]), "redocly": version_of(redocly_cmd("x")[:1])}
    if "apictl" in tools:
        versions["apictl"] = version_of(shlex.split(args.apictl))
    meta: dict[str, Any] = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
        "versions": versions,
    }
    rows = []
    with tempfile.TemporaryDirectory(prefix="apictl-bench-") as cwd:  # empty cwd: no stray config files
        for spec in specs:
            rows += [bench_one(tool, spec, args, cwd) for tool in tools]
    meta["loadavg_end"] = os.getloadavg()
    add_ratios(rows)

    if args.json:
        json.dump({"meta": meta, "results": rows}, sys.stdout, indent=2)
        print()
        return
    print(
        f"{meta['cpus']} CPUs, load {meta['loadavg_start'][0]:.2f} -> {meta['loadavg_end'][0]:.2f}; "
        + ", ".join(f"{k} {v.removeprefix(k + ' ')}" for k, v in meta["versions"].items())
        + f"; median of {args.repeat} run(s); × = anchor/apictl\n"
    )
    print_table(rows, args.markdown)
    print_notes(rows)
    print_headline(rows)


if __name__ == "__main__":
    main()
