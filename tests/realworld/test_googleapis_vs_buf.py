"""Acceptance: on the googleapis protos (npm `google-proto-files`) apictl reports the
same findings as `buf lint` (STANDARD) — same rule ids, files and positions — and
prints the count of differences. Runs only when buf and the protos are installed
(`npm install --prefix bench/.cache/node google-proto-files @bufbuild/buf`)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "proto_lint_vs_buf.py"
_spec = importlib.util.spec_from_file_location("proto_lint_vs_buf", BENCH)
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def _buf_output() -> bytes:
    """buf's findings, kept under bench/.cache per buf + google-proto-files version (buf
    needs ~60 CPU-s; the suite runs often)."""
    version = subprocess.run([str(bench.BUF), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    tree = json.loads((bench.PROTOS / "package.json").read_text(encoding="utf-8"))["version"]
    key = hashlib.sha256(f"{version}|{tree}|{bench.BUF_YAML}".encode()).hexdigest()[:16]
    kept = bench.PROTOS.parent.parent / f"buf-lint-{key}.json"
    if not kept.exists():
        buf = subprocess.run(
            [str(bench.BUF), "lint", "--error-format", "json"], cwd=bench.PROTOS, capture_output=True, check=False
        )
        assert buf.returncode in (0, 100), buf.stderr.decode()
        kept.write_bytes(buf.stdout)
    return kept.read_bytes()


@pytest.mark.slow
@pytest.mark.skipif(not bench.available(), reason="buf / google-proto-files not installed under bench/.cache")
def test_same_findings_as_buf_lint() -> None:
    bench.prepare()
    buf_out = _buf_output()
    # apictl's own cache lives next to the tree too: a re-run only re-lints what changed
    env = {**os.environ, "APICTL_CACHE_DIR": str(bench.PROTOS.parent.parent / "apictl-cache")}
    mine = subprocess.run(bench.apictl_cmd(), cwd=bench.PROTOS, capture_output=True, env=env, check=False)
    assert mine.returncode in (0, 1), mine.stderr.decode()[:2000]
    result = bench.compare(bench.buf_findings(buf_out), bench.apictl_findings(mine.stdout))
    differences = int(result["only_buf"]) + int(result["only_apictl"])  # type: ignore[call-overload]
    sys.stdout.write(f"\ngoogleapis vs buf lint: {result['agree']} agree, {differences} differences\n")
    assert differences == 0, result
