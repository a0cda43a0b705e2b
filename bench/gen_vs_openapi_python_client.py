"""`apictl gen sdk` vs openapi-python-client and openapi-generator on GitHub's and Stripe's specs.

    python bench/gen_vs_openapi_python_client.py [--opc PATH] [--oag PATH] [--mypy] [--specs github,stripe] [--json]

openapi-python-client is looked up on PATH (or given with --opc); install it in its own
virtualenv (`pip install openapi-python-client`) — its dependencies clash with apictl's.
openapi-generator (`python` generator) is looked up on PATH as `openapi-generator-cli`
(`pip install openapi-generator-cli urllib3 python-dateutil pydantic` in its own virtualenv:
the wheel carries the jar; needs java) or given with --oag.
For each spec and tool: success, CPU s, wall s, peak MiB of the generation, the number
of model classes and operations written, the size of the package, the CPU s of
`import <package>` (a fresh interpreter, run in the output folder), and with --mypy the
number of `mypy --strict` errors in the package. The headline is the ratio
other tool / apictl (CPU; higher = apictl better). Stdlib only.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shlex
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import SPECS, measure  # noqa: E402

TIMEOUT = 1800.0


def _count_apictl(out: Path, package: str) -> tuple[int, int]:
    models = out / package / "models.py"
    classes = sum(1 for n in ast.parse(models.read_text()).body if isinstance(n, (ast.ClassDef, ast.Assign)))
    ops = 0
    for path in (out / package / "api").glob("*.py"):
        ops += sum(1 for n in ast.parse(path.read_text()).body if isinstance(n, ast.FunctionDef))
    return classes, ops


def _count_opc(pkg: Path) -> tuple[int, int]:
    """`--meta none` writes the package itself into the output folder."""
    models = (
        sum(1 for p in (pkg / "models").glob("*.py") if p.name != "__init__.py") if (pkg / "models").is_dir() else 0
    )
    ops = sum(1 for p in (pkg / "api").rglob("*.py") if p.name != "__init__.py") if (pkg / "api").is_dir() else 0
    return models, ops


def _count_oag(pkg: Path) -> tuple[int, int]:
    models = sum(1 for p in pkg.glob("models/*.py") if p.name != "__init__.py")
    ops = sum(len(re.findall(r"def \w+_with_http_info\(", p.read_text(errors="replace"))) for p in pkg.glob("api/*.py"))
    return models, ops


def _size_mib(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def _mypy_errors(folder: Path, package: str) -> int | None:
    """`mypy --strict` errors in the package (third-party imports not installed here are ignored)."""
    cmd = [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", "--no-incremental", "-p", package]
    run = measure(cmd, TIMEOUT, cwd=str(folder))
    if run.rc not in (0, 1):
        return None
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    return int(last.split()[1]) if last.startswith("Found ") else 0


def _import_cpu(python: str, folder: Path, package: str) -> float | None:
    code = f"import time; t = time.process_time(); import {package}; print(time.process_time() - t)"
    run = measure([python, "-c", code], 300, cwd=str(folder))
    if run.rc != 0:
        return None
    try:
        return float(run.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def bench(
    spec_name: str,
    spec: Path,
    apictl: str,
    opc: str | None,
    opc_python: str | None,
    oag: str | None,
    mypy: bool,
) -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="gen-bench-") as tmp:
        out = Path(tmp) / "apictl"
        package = f"{spec_name}_client"
        cmd = [*shlex.split(apictl), "gen", "sdk", str(spec), "--out", str(out), "--package-name", package]
        run = measure(cmd, TIMEOUT, cwd=tmp)
        models, ops = _count_apictl(out, package) if run.rc == 0 else (0, 0)
        rows.append(
            {
                "spec": spec_name,
                "tool": "apictl",
                "ok": run.rc == 0,
                "cpu_s": round(run.cpu_s, 1),
                "wall_s": round(run.wall_s, 1),
                "peak_mib": round(run.peak_mib),
                "models": models,
                "operations": ops,
                "size_mib": _size_mib(out) if run.rc == 0 else None,
                "import_cpu_s": _import_cpu(sys.executable, out, package) if run.rc == 0 else None,
                "mypy_errors": _mypy_errors(out, package) if mypy and run.rc == 0 else None,
                "stderr": run.stderr[-300:] if run.rc else "",
            }
        )
        if opc:
            out = Path(tmp) / "opc"
            cmd = [opc, "generate", "--path", str(spec), "--output-path", str(out), "--meta", "none", "--overwrite"]
            run = measure(cmd, TIMEOUT, cwd=tmp)
            ok = run.rc == 0 and out.exists()
            models, ops = _count_opc(out) if out.exists() else (0, 0)
            rows.append(
                {
                    "spec": spec_name,
                    "tool": "openapi-python-client",
                    "ok": ok,
                    "cpu_s": round(run.cpu_s, 1),
                    "wall_s": round(run.wall_s, 1),
                    "peak_mib": round(run.peak_mib),
                    "models": models,
                    "operations": ops,
                    "size_mib": _size_mib(out) if ok else None,
                    "import_cpu_s": _import_cpu(opc_python or sys.executable, out.parent, out.name) if ok else None,
                    "mypy_errors": _mypy_errors(out.parent, out.name) if mypy and ok else None,
                    "stderr": run.stderr[-300:] if not ok else "",
                }
            )
        if oag:
            out = Path(tmp) / "oag"
            cmd = [oag, "generate", "-i", str(spec), "-g", "python", "-o", str(out), "--package-name", package]
            run = measure(cmd, TIMEOUT, cwd=tmp)
            ok = run.rc == 0 and (out / package).is_dir()
            models, ops = _count_oag(out / package) if ok else (0, 0)
            rows.append(
                {
                    "spec": spec_name,
                    "tool": "openapi-generator",
                    "ok": ok,
                    "cpu_s": round(run.cpu_s, 1),
                    "wall_s": round(run.wall_s, 1),
                    "peak_mib": round(run.peak_mib),
                    "models": models,
                    "operations": ops,
                    "size_mib": _size_mib(out / package) if ok else None,
                    "import_cpu_s": _import_cpu(str(Path(oag).parent / "python"), out, package) if ok else None,
                    "mypy_errors": _mypy_errors(out, package) if mypy and ok else None,
                    "stderr": (run.stderr or run.stdout)[-300:] if not ok else "",
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--apictl", default="apictl", help="command that runs apictl")
    parser.add_argument("--opc", default=shutil.which("openapi-python-client"), help="openapi-python-client binary")
    parser.add_argument("--oag", default=shutil.which("openapi-generator-cli"), help="openapi-generator-cli binary")
    parser.add_argument("--mypy", action="store_true", help="count mypy --strict errors in each package (slow)")
    parser.add_argument("--specs", default="github,stripe")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    opc_python = str(Path(args.opc).parent / "python") if args.opc else None
    rows: list[dict[str, Any]] = []
    for name in args.specs.split(","):
        spec = SPECS.get(name)
        if spec is None or not spec.exists():
            sys.exit(f"bench: spec {name!r} not found (run `bash bench/setup.sh`)")
        rows += bench(name, spec, args.apictl, args.opc, opc_python, args.oag, args.mypy)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    cols = ("spec", "tool", "ok", "cpu_s", "wall_s", "peak_mib", "models", "operations", "size_mib", "import_cpu_s")
    cols += ("mypy_errors",) if args.mypy else ()
    print(" | ".join(cols))
    for row in rows:
        print(" | ".join(str(row[c]) for c in cols))
        if row["stderr"]:
            print("    stderr:", row["stderr"].strip().splitlines()[-1][:200])
    for name in args.specs.split(","):
        mine = next((r for r in rows if r["spec"] == name and r["tool"] == "apictl"), None)
        for other in (r for r in rows if r["spec"] == name and r["tool"] != "apictl"):
            if mine and mine["cpu_s"]:
                print(f"{name}: CPU ratio {other['tool']} / apictl = {other['cpu_s'] / mine['cpu_s']:.2f}")
    if not args.opc:
        print("openapi-python-client not found: pass --opc PATH (pip install openapi-python-client in its own venv)")


if __name__ == "__main__":
    main()
