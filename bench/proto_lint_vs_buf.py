#!/usr/bin/env python3
"""apictl vs `buf lint` (STANDARD) on the googleapis protos of npm `google-proto-files`:
CPU seconds, peak memory (largest process of the run's tree) and the findings of each,
side by side, one run each; prints the ratios and the count of differences.

    npm install --prefix bench/.cache/node google-proto-files @bufbuild/buf
    python bench/proto_lint_vs_buf.py            # cold apictl run (empty cache), then a warm one

The tree holds a few protobuf test files that do not compile (google/protobuf/…); both
tools skip google/protobuf through the buf.yaml written next to the tree (its well-known
types still resolve as imports).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
MODULES = BENCH / ".cache" / "node" / "node_modules"
_NATIVE_BUF = MODULES / "@bufbuild" / "buf-linux-x64" / "bin" / "buf"  # skip the node wrapper when we can
BUF = _NATIVE_BUF if _NATIVE_BUF.exists() else MODULES / ".bin" / "buf"
PROTOS = MODULES / "google-proto-files"
BUF_YAML = """version: v2
modules:
  - path: .
    excludes: [google/protobuf]
lint:
  use: [STANDARD]
"""

Finding = tuple[str, str, int, int]  # buf rule id, file, line, column


def available() -> bool:
    return BUF.exists() and (PROTOS / "google").is_dir()


def prepare() -> None:
    (PROTOS / "buf.yaml").write_text(BUF_YAML, encoding="utf-8")


def measure(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, bytes]:
    """(cpu seconds incl. children, peak RSS MB of the largest process, wall seconds, stdout)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, cwd=PROTOS, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, _, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        data = out.read()
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, wall, data


def buf_findings(stdout: bytes) -> set[Finding]:
    found = set()
    for line in stdout.decode().splitlines():
        x = json.loads(line)
        found.add((x["type"], x["path"], x["start_line"], x["start_column"]))
    return found


def apictl_findings(stdout: bytes) -> set[Finding]:
    sys.path.insert(0, str(BENCH.parent / "src"))
    from apictl.lint.engine import load_rules

    buf_id = {r.code: r.buf[0] for r in load_rules() if r.buf}
    report = json.loads(stdout)
    return {
        (buf_id.get(d["code"], d["code"]), d["file"], d["range"]["start"]["line"], d["range"]["start"]["column"])
        for d in report["diagnostics"]
    }


def compare(buf: set[Finding], mine: set[Finding]) -> dict[str, object]:
    only_buf, only_mine = buf - mine, mine - buf
    return {
        "agree": len(buf & mine),
        "only_buf": len(only_buf),
        "only_apictl": len(only_mine),
        "only_buf_by_rule": dict(Counter(f[0] for f in only_buf)),
        "only_apictl_by_rule": dict(Counter(f[0] for f in only_mine)),
        "examples": sorted(only_buf)[:5] + sorted(only_mine)[:5],
    }


def apictl_cmd() -> list[str]:
    return [sys.executable, "-m", "apictl", "lint", "--no-config", ".", "-f", "json"]


def main() -> None:
    if not available():
        sys.exit("bench: run `npm install --prefix bench/.cache/node google-proto-files @bufbuild/buf` first")
    prepare()
    files = sum(1 for _ in PROTOS.rglob("*.proto"))
    print(f"googleapis (google-proto-files): {files} .proto files; buf {BUF}")
    b_cpu, b_mem, b_wall, b_out = measure([str(BUF), "lint", "--error-format", "json"])
    with tempfile.TemporaryDirectory(prefix="apictl-cache-") as cache:
        env = {**os.environ, "APICTL_CACHE_DIR": cache}
        a_cpu, a_mem, a_wall, a_out = measure(apictl_cmd(), env)
        w_cpu, w_mem, w_wall, _ = measure(apictl_cmd(), env)
    rows = [
        ("buf lint (STANDARD)", b_cpu, b_mem, b_wall),
        ("apictl lint, cold cache", a_cpu, a_mem, a_wall),
        ("apictl lint, warm cache", w_cpu, w_mem, w_wall),
    ]
    print(f"{'':28} {'CPU s':>8} {'peak MB':>9} {'wall s':>8}")
    for name, cpu, mem, wall in rows:
        print(f"{name:28} {cpu:8.1f} {mem:9.0f} {wall:8.1f}")
    print(f"ratios (buf / apictl cold): CPU {b_cpu / a_cpu:.1f}x, memory {b_mem / a_mem:.1f}x")
    print(f"ratios (buf / apictl warm): CPU {b_cpu / w_cpu:.1f}x, memory {b_mem / w_mem:.1f}x")
    result = compare(buf_findings(b_out), apictl_findings(a_out))
    print(f"findings: {result['agree']} agree, {result['only_buf']} only buf, {result['only_apictl']} only apictl")
    if result["only_buf"] or result["only_apictl"]:
        print(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
