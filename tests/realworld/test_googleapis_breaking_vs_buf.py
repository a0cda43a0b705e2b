"""Acceptance: between google-proto-files 4.2.0 and the current version, apictl reports the
same breaking changes as `buf breaking --against` (FILE and WIRE_JSON) — same rule ids,
files and positions — and prints the count of differences. Runs only when buf and both
trees are installed (see bench/proto_breaking_vs_buf.py)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "proto_breaking_vs_buf.py"
_spec = importlib.util.spec_from_file_location("proto_breaking_vs_buf", BENCH)
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def _buf_output(category: str) -> bytes:
    """buf's findings, kept under bench/.cache per buf + tree versions (buf needs ~55 CPU-s and 6 GB)."""
    version = subprocess.run([str(bench.BUF), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    trees = [json.loads((t / "package.json").read_text(encoding="utf-8"))["version"] for t in (bench.OLD, bench.NEW)]
    key = hashlib.sha256(f"{version}|{trees}|{bench.buf_cmd(category)}".encode()).hexdigest()[:16]
    kept = bench.NEW.parent.parent / f"buf-breaking-{category}-{key}.json"
    if not kept.exists():
        buf = subprocess.run(bench.buf_cmd(category), cwd=bench.NEW, capture_output=True, check=False)
        assert buf.returncode in (0, 100), buf.stderr.decode()
        kept.write_bytes(buf.stdout)
    data: bytes = kept.read_bytes()
    return data


@pytest.mark.slow
@pytest.mark.skipif(not bench.available(), reason="buf / google-proto-files (current and 4.2.0) not under bench/.cache")
@pytest.mark.parametrize("category", ["FILE", "WIRE_JSON"])
def test_same_findings_as_buf_breaking(category: str, tmp_path: Path) -> None:
    bench.prepare()
    buf = bench.buf_findings(_buf_output(category))
    # apictl's descriptor cache lives next to the trees: a re-run compiles nothing
    env = {**os.environ, "APICTL_CACHE_DIR": str(bench.NEW.parent.parent / "apictl-cache")}
    cmd = bench.apictl_cmd(bench.apictl_config(category, tmp_path))
    mine = subprocess.run(cmd, cwd=bench.NEW, capture_output=True, env=env, check=False)
    assert mine.returncode in (0, 1), mine.stderr.decode()[:2000]
    result = bench.compare(buf, bench.apictl_findings(mine.stdout))
    differences = int(result["only_buf"]) + int(result["only_apictl"])
    sys.stdout.write(f"\ngoogleapis 4.2.0 -> current, {category}: {result['agree']} agree, {differences} differences\n")
    assert differences == 0, result
    assert sum(buf.values()) == bench.EXPECTED[category]
