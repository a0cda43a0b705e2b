#!/usr/bin/env python3
"""apictl vs `buf breaking --against` on a pull request's worth of change: the current
googleapis protos of npm `google-proto-files` (the base) against a copy where one field's
type changed (the PR) — the usual CI case, where almost every file is the same on both
sides. apictl compiles the files that are byte-identical on both sides (with all their
imports) once; buf builds both images. Cold (empty descriptor cache) and warm, one run
each; prints CPU seconds, peak memory, ratios and whether both report the same findings.

    npm install --prefix bench/.cache/node google-proto-files @bufbuild/buf
    python bench/proto_breaking_pr_vs_buf.py              # FILE
    python bench/proto_breaking_pr_vs_buf.py WIRE_JSON
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from proto_breaking_vs_buf import BUF, BUF_YAML, NEW, buf_config, buf_findings, compare

CHANGED = "google/cloud/secretmanager/v1/service.proto"
EDIT = ("int32 page_size = 2", "int64 page_size = 2")  # ListSecretsRequest.page_size: FIELD_SAME_TYPE


def _measure(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, bytes]:
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, _, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read()


def _apictl_findings(stdout: bytes) -> set[tuple[str, str, int, int]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from apictl.diff.proto.engine import load_rules

    buf_id = {r.code: r.buf[0] for r in load_rules() if r.buf}
    return {
        (buf_id.get(d["code"], d["code"]), d["file"], d["range"]["start"]["line"], d["range"]["start"]["column"])
        for d in json.loads(stdout)["diagnostics"]
    }


def main(category: str) -> None:
    if not (BUF.exists() and (NEW / "google").is_dir()):
        sys.exit("bench: run `npm install --prefix bench/.cache/node google-proto-files @bufbuild/buf` first")
    with tempfile.TemporaryDirectory(prefix="apictl-pr-bench-") as tmp:
        base, pr = Path(tmp) / "base", Path(tmp) / "pr"
        for folder in (base, pr):
            shutil.copytree(NEW / "google", folder / "google", ignore=shutil.ignore_patterns("protobuf"))
            shutil.copytree(NEW / "grafeas", folder / "grafeas")
            (folder / "buf.yaml").write_text(BUF_YAML, encoding="utf-8")
        target = pr / CHANGED
        text = target.read_text(encoding="utf-8")
        assert EDIT[0] in text, f"{CHANGED} no longer holds {EDIT[0]!r}"
        target.write_text(text.replace(EDIT[0], EDIT[1], 1), encoding="utf-8")
        cfg = buf_config(category)
        buf = [str(BUF), "breaking", ".", "--against", str(base), "--config", cfg, "--against-config", cfg]
        b_cpu, b_mem, b_out = _measure([*buf, "--error-format", "json"], pr)
        config = Path(tmp) / "apictl.yaml"
        config.write_text(f"breaking:\n  use: [{category}]\n", encoding="utf-8")
        apictl = [sys.executable, "-m", "apictl", "diff", str(base), ".", "-f", "json", "-c", str(config)]
        env = {**os.environ, "APICTL_CACHE_DIR": str(Path(tmp) / "cache")}
        a_cpu, a_mem, a_out = _measure(apictl, pr, env)
        w_cpu, w_mem, _ = _measure(apictl, pr, env)
        print(f"{category}: base = google-proto-files (current), PR = one field type changed in {CHANGED}")
        print(f"{'':32} {'CPU s':>8} {'peak MB':>9}")
        for name, cpu, mem in (
            ("buf breaking", b_cpu, b_mem),
            ("apictl diff, cold cache", a_cpu, a_mem),
            ("apictl diff, warm cache", w_cpu, w_mem),
        ):
            print(f"{name:32} {cpu:8.1f} {mem:9.0f}")
        print(f"ratios (buf / apictl cold): CPU {b_cpu / a_cpu:.1f}x, memory {b_mem / a_mem:.1f}x")
        print(f"ratios (buf / apictl warm): CPU {b_cpu / w_cpu:.1f}x, memory {b_mem / w_mem:.1f}x")
        theirs = set(buf_findings(b_out))
        mine = _apictl_findings(a_out)
        result = compare(Counter(theirs), Counter(mine))
        print(f"findings: buf {len(theirs)}, apictl {len(mine)}; {result['agree']} agree")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "FILE")
