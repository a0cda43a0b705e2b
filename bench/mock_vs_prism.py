"""apictl mock vs Stoplight Prism, side by side: startup, throughput, latency, memory.

For each spec (the bench petstore, GitHub's 1,223-operation description) and each
tool, one server process is started on a free port; measured:

- **startup**: process start -> first 200 on the scenario's URL (best of --starts);
- **req/s, p50, p99, errors**: the same load generator against each server for
  --duration seconds: `wrk` (Debian's) when on PATH, else a bounded Python one
  (threads with keep-alive connections); static responses (examples) and
  dynamic ones (`Prefer: dynamic=true`, generated from the schemas);
- **RSS**: the resident memory of the server's process tree, highest sample
  during the run.

Ratios are apictl / Prism for req/s and startup speed (higher = apictl better)
and Prism / apictl for p99. Stdlib only. Needs `bash bench/setup.sh` (installs
@stoplight/prism-cli and @octokit/openapi into bench/.cache/).

    python bench/mock_vs_prism.py                       # both specs, 10 s per load
    python bench/mock_vs_prism.py --spec petstore --duration 5 --json out.json
    python bench/mock_vs_prism.py --apictl "python -m apictl" --workers 2
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
MODULES = BENCH / ".cache" / "node" / "node_modules"
PRISM = MODULES / ".bin" / "prism"
SPECS = {
    "petstore": (BENCH / "specs" / "petstore.yaml", "/pets/1"),
    "github": (MODULES / "@octokit" / "openapi" / "generated" / "api.github.com.json", "/repos/octocat/hello-world"),
}
SCENARIOS = {"static": {}, "dynamic": {"Prefer": "dynamic=true"}}
ENV = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}


@dataclass
class Result:
    spec: str
    tool: str
    scenario: str
    startup_s: float | None = None
    rps: float | None = None
    p50_ms: float | None = None
    p99_ms: float | None = None
    requests: int = 0
    errors: int = 0  # socket errors + non-2xx
    rss_mib: float | None = None
    note: str = ""
    raw: dict[str, Any] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tool_cmd(tool: str, spec: Path, port: int, apictl: str, workers: int) -> list[str]:
    if tool == "prism":
        return [str(PRISM), "mock", "-p", str(port), str(spec)]
    cmd = [*shlex.split(apictl), "mock", "serve", "--port", str(port), "--log-format", "none", str(spec)]
    return cmd + (["-m", str(workers)] if workers > 1 else [])


def tree_rss_mib(pid: int) -> float:
    """Resident memory of `pid` and its descendants (Linux /proc)."""
    total = 0
    stack = [pid]
    seen = set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return total / 1024


def get(port: int, path: str, headers: dict[str, str], timeout: float = 5.0) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


class Server:
    def __init__(self, cmd: list[str]) -> None:
        self.cmd = cmd
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, start_new_session=True
        )

    def wait_ready(self, port: int, path: str, headers: dict[str, str], timeout: float) -> float | None:
        deadline = self.t0 + timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                return None
            try:
                if get(port, path, headers, timeout=2) == 200:
                    return time.perf_counter() - self.t0
            except OSError:
                pass
            time.sleep(0.02)
        return None

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)


# -- load generators -----------------------------------------------------------
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text.strip())
    return float(m.group(1)) * _UNITS[m.group(2)] if m else float("nan")


def run_wrk(url: str, headers: dict[str, str], duration: float, connections: int) -> dict[str, Any]:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{int(duration)}s", "--latency", "--timeout", "10s"]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=duration + 60).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = (sum(int(x) for x in sock.groups()) if sock else 0) + (int(non2xx.group(1)) if non2xx else 0)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "requests": int(total.group(1)) if total else 0,
        "p50_ms": _ms(p50.group(1)) if p50 else None,
        "p99_ms": _ms(p99.group(1)) if p99 else None,
        "errors": errors,
        "generator": "wrk",
        "output": out,
    }


def run_python_load(port: int, path: str, headers: dict[str, str], duration: float, connections: int) -> dict[str, Any]:
    """A bounded closed-loop generator: `connections` threads, keep-alive, `duration` s."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + duration

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine: list[float] = []
        bad = 0
        while time.perf_counter() < stop_at:
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                resp = conn.getresponse()
                resp.read()
                if resp.status >= 300:
                    bad += 1
                mine.append((time.perf_counter() - t) * 1000)
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    latencies.sort()

    def pct(q: float) -> float | None:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else None

    return {
        "rps": len(latencies) / elapsed,
        "requests": len(latencies),
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "errors": errors,
        "generator": "python",
    }


# -- one measurement -----------------------------------------------------------
def measure(spec_name: str, tool: str, scenario: str, args: argparse.Namespace, use_wrk: bool) -> Result:
    spec, path = SPECS[spec_name]
    headers = SCENARIOS[scenario]
    res = Result(spec_name, tool, scenario)
    startups: list[float] = []
    server: Server | None = None
    for i in range(args.starts):
        port = free_port()
        server = Server(tool_cmd(tool, spec, port, args.apictl, args.workers))
        started = server.wait_ready(port, path, headers, args.start_timeout)
        if started is None:
            server.stop()
            res.note = f"did not answer 200 within {args.start_timeout:.0f} s"
            return res
        startups.append(started)
        if i < args.starts - 1:
            server.stop()
    assert server is not None
    res.startup_s = min(startups)
    try:
        for _ in range(20):  # warm up (first requests compile validators, JIT…)
            get(port, path, headers, timeout=30)
        peak = [tree_rss_mib(server.proc.pid)]
        sampling = threading.Event()

        def sample() -> None:
            while not sampling.wait(0.25):
                peak.append(tree_rss_mib(server.proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        url = f"http://127.0.0.1:{port}{path}"
        if use_wrk:
            load = run_wrk(url, headers, args.duration, args.connections)
        else:
            load = run_python_load(port, path, headers, args.duration, args.connections)
        sampling.set()
        sampler.join()
        res.rss_mib = max(peak)
        res.rps, res.requests, res.errors = load["rps"], load["requests"], load["errors"]
        res.p50_ms, res.p99_ms = load["p50_ms"], load["p99_ms"]
        res.raw = {k: v for k, v in load.items() if k != "output"}
    finally:
        server.stop()
    return res


def _fmt(v: float | None, digits: int = 1) -> str:
    return "-" if v is None else f"{v:,.{digits}f}"


def _ratio(a: float | None, b: float | None) -> str:
    return "-" if not a or not b else f"{a / b:.1f}x"


def report(results: list[Result]) -> str:
    lines = [
        f"{'spec':9} {'scenario':8} {'tool':7} {'startup s':>9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'errors':>6} {'RSS MiB':>8}  note"
    ]
    for r in results:
        lines.append(
            f"{r.spec:9} {r.scenario:8} {r.tool:7} {_fmt(r.startup_s, 2):>9} {_fmt(r.rps, 0):>9} "
            f"{_fmt(r.p50_ms, 2):>8} {_fmt(r.p99_ms, 2):>8} {r.errors:>6} {_fmt(r.rss_mib):>8}  {r.note}"
        )
    lines.append("")
    lines.append(
        "ratios (apictl vs prism): req/s = apictl/prism, p99 = prism/apictl, startup = prism/apictl, RSS = prism/apictl"
    )
    by = {(r.spec, r.scenario, r.tool): r for r in results}
    for spec, scenario in dict.fromkeys((r.spec, r.scenario) for r in results):
        a, p = by.get((spec, scenario, "apictl")), by.get((spec, scenario, "prism"))
        if a is None or p is None:
            continue
        lines.append(
            f"  {spec:9} {scenario:8} req/s {_ratio(a.rps, p.rps):>7}   p99 {_ratio(p.p99_ms, a.p99_ms):>7}   "
            f"startup {_ratio(p.startup_s, a.startup_s):>7}   RSS {_ratio(p.rss_mib, a.rss_mib):>7}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--spec", action="append", choices=sorted(SPECS), help="spec(s) to run (default: all)")
    ap.add_argument("--scenario", action="append", choices=sorted(SCENARIOS), help="default: static and dynamic")
    ap.add_argument("--tool", action="append", choices=("apictl", "prism"), help="default: both")
    ap.add_argument("--apictl", default=f"{sys.executable} -m apictl", help="how to run apictl")
    ap.add_argument("--workers", type=int, default=1, help="apictl worker processes (-m)")
    ap.add_argument("--duration", type=float, default=10.0, help="seconds of load per run")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--starts", type=int, default=1, help="startups measured per run (best kept)")
    ap.add_argument("--start-timeout", type=float, default=180.0)
    ap.add_argument("--python-load", action="store_true", help="use the Python generator even if wrk exists")
    ap.add_argument("--json", dest="json_out", help="write the results as JSON")
    args = ap.parse_args(argv)

    tools = args.tool or ["prism", "apictl"]
    if "prism" in tools and not PRISM.exists():
        print(f"bench: {PRISM} not found; run `bash bench/setup.sh` first", file=sys.stderr)
        return 2
    specs = args.spec or list(SPECS)
    missing = [name for name in specs if not SPECS[name][0].exists()]
    if missing:
        print(
            f"bench: spec {missing[0]} not found ({SPECS[missing[0]][0]}); run `bash bench/setup.sh`", file=sys.stderr
        )
        return 2
    use_wrk = shutil.which("wrk") is not None and not args.python_load
    print(
        f"load generator: {'wrk' if use_wrk else 'python'}; "
        f"{args.connections} connections, {args.duration:.0f} s per run"
    )
    results: list[Result] = []
    for spec_name in specs:
        for scenario in args.scenario or list(SCENARIOS):
            for tool in tools:
                r = measure(spec_name, tool, scenario, args, use_wrk)
                print(
                    f"  {spec_name} {scenario} {tool}: {_fmt(r.rps, 0)} req/s, p99 {_fmt(r.p99_ms, 2)} ms, "
                    f"startup {_fmt(r.startup_s, 2)} s {r.note}",
                    flush=True,
                )
                results.append(r)
    print()
    print(report(results))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps([asdict(r) for r in results], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
