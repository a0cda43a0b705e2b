#!/usr/bin/env python3
"""apictl vs `buf breaking --against` on the googleapis protos of npm `google-proto-files`:
version 4.2.0 (previous) against the current one, per buf category (FILE, WIRE_JSON by
default); CPU seconds, peak memory and the findings of each side by side, one run each;
prints the ratios and the count of differences (same rule id, file and position).

    npm install --prefix bench/.cache/node google-proto-files @bufbuild/buf
    npm install --prefix bench/.cache/node-gpf-4.2.0 google-proto-files@4.2.0
    python bench/proto_breaking_vs_buf.py                 # FILE and WIRE_JSON
    python bench/proto_breaking_vs_buf.py PACKAGE WIRE    # other categories

Both trees hold protobuf test files that do not compile (google/protobuf/…); both tools
leave google/protobuf out (buf through --config/--against-config, apictl through the
buf.yaml written next to each tree; the well-known types still resolve as imports).
apictl runs cold (empty descriptor cache), then warm.
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
NEW = MODULES / "google-proto-files"
OLD = BENCH / ".cache" / "node-gpf-4.2.0" / "node_modules" / "google-proto-files"
BUF_YAML = "version: v2\nmodules:\n  - path: .\n    excludes: [google/protobuf]\n"
EXPECTED = {"FILE": 3111, "WIRE_JSON": 266}  # buf 1.75.0, measured when this benchmark was written

Finding = tuple[str, str, int, int]  # buf rule id, file ("" when buf names none), line, column


def available() -> bool:
    return BUF.exists() and (NEW / "google").is_dir() and (OLD / "google").is_dir()


def prepare() -> None:
    """A buf.yaml that leaves google/protobuf out, next to each tree (apictl reads it; buf gets
    the same through --config). The current tree's one may carry a lint section: keep it."""
    if not (OLD / "buf.yaml").exists():
        (OLD / "buf.yaml").write_text(BUF_YAML, encoding="utf-8")
    if not (NEW / "buf.yaml").exists():
        (NEW / "buf.yaml").write_text(BUF_YAML, encoding="utf-8")


def buf_config(category: str) -> str:
    return json.dumps(
        {
            "version": "v2",
            "modules": [{"path": ".", "excludes": ["google/protobuf"]}],
            "breaking": {"use": [category]},
        }
    )


def buf_cmd(category: str) -> list[str]:
    cfg = buf_config(category)
    return [
        str(BUF),
        "breaking",
        ".",
        "--against",
        str(OLD),
        "--config",
        cfg,
        "--against-config",
        cfg,
        "--error-format",
        "json",
    ]


def apictl_cmd(config: Path) -> list[str]:
    return [sys.executable, "-m", "apictl", "diff", str(OLD), ".", "-f", "json", "-c", str(config)]


def apictl_config(category: str, folder: Path) -> Path:
    path = folder / f"apictl-{category}.yaml"
    path.write_text(f"breaking:\n  use: [{category}]\n", encoding="utf-8")
    return path


def measure(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, bytes]:
    """(cpu seconds incl. children, peak RSS MB of the largest process, wall seconds, stdout)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, cwd=NEW, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, _, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        data = out.read()
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, wall, data


def buf_findings(stdout: bytes) -> Counter[Finding]:
    found: Counter[Finding] = Counter()
    for line in stdout.decode().splitlines():
        if line.strip():
            x = json.loads(line)
            found[(x["type"], x.get("path", ""), x.get("start_line", 0), x.get("start_column", 0))] += 1
    return found


def apictl_findings(stdout: bytes) -> Counter[Finding]:
    """apictl names the previous file for findings that exist only there (a deleted file or
    package); buf names no file for those."""
    sys.path.insert(0, str(BENCH.parent / "src"))
    from apictl.diff.proto.engine import load_rules

    buf_id = {r.code: r.buf[0] for r in load_rules() if r.buf}
    found: Counter[Finding] = Counter()
    for d in json.loads(stdout)["diagnostics"]:
        path = d["file"]
        old = d.get("old") or {}
        if old.get("file") == path and not (NEW / path).resolve().is_relative_to(NEW.resolve()):
            path = ""
        start = d["range"]["start"]
        found[(buf_id.get(d["code"], d["code"]), path, start["line"], start["column"])] += 1
    return found


def compare(buf: Counter[Finding], mine: Counter[Finding]) -> dict[str, object]:
    only_buf, only_mine = buf - mine, mine - buf
    return {
        "agree": sum((buf & mine).values()),
        "only_buf": sum(only_buf.values()),
        "only_apictl": sum(only_mine.values()),
        "only_buf_by_rule": dict(Counter(f[0] for f in only_buf.elements())),
        "only_apictl_by_rule": dict(Counter(f[0] for f in only_mine.elements())),
        "examples": sorted(only_buf)[:8] + sorted(only_mine)[:8],
    }


def main(categories: list[str]) -> None:
    if not available():
        sys.exit(
            "bench: run `npm install --prefix bench/.cache/node google-proto-files @bufbuild/buf` and\n"
            "`npm install --prefix bench/.cache/node-gpf-4.2.0 google-proto-files@4.2.0` first"
        )
    prepare()
    version = json.loads((NEW / "package.json").read_text(encoding="utf-8"))["version"]
    print(f"google-proto-files 4.2.0 -> {version}; buf {BUF}")
    with tempfile.TemporaryDirectory(prefix="apictl-bench-") as tmp:
        for category in categories:
            config = apictl_config(category, Path(tmp))
            b_cpu, b_mem, b_wall, b_out = measure(buf_cmd(category))
            cache = Path(tmp) / f"cache-{category}"
            env = {**os.environ, "APICTL_CACHE_DIR": str(cache)}
            a_cpu, a_mem, a_wall, a_out = measure(apictl_cmd(config), env)
            w_cpu, w_mem, w_wall, _ = measure(apictl_cmd(config), env)
            print(f"\n{category}")
            print(f"{'':32} {'CPU s':>8} {'peak MB':>9} {'wall s':>8}")
            for name, cpu, mem, wall in (
                (f"buf breaking ({category})", b_cpu, b_mem, b_wall),
                ("apictl diff, cold cache", a_cpu, a_mem, a_wall),
                ("apictl diff, warm cache", w_cpu, w_mem, w_wall),
            ):
                print(f"{name:32} {cpu:8.1f} {mem:9.0f} {wall:8.1f}")
            print(f"ratios (buf / apictl cold): CPU {b_cpu / a_cpu:.1f}x, memory {b_mem / a_mem:.1f}x")
            print(f"ratios (buf / apictl warm): CPU {b_cpu / w_cpu:.1f}x, memory {b_mem / w_mem:.1f}x")
            bufs, mine = buf_findings(b_out), apictl_findings(a_out)
            result = compare(bufs, mine)
            total = sum(bufs.values())
            print(f"findings: buf {total}, apictl {sum(mine.values())}; {result['agree']} agree, ", end="")
            print(f"{result['only_buf']} only buf, {result['only_apictl']} only apictl")
            if result["only_buf"] or result["only_apictl"]:
                print(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main(sys.argv[1:] or ["FILE", "WIRE_JSON"])
