"""Helpers for the SDK generator's tests: generate a fixture into a folder,
run ruff and mypy --strict on generated packages, import them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from apictl.gen.ir import build_ir, load_workspace
from apictl.gen.output import GeneratedFile, write_tree
from apictl.gen.python_sdk import generate_sdk

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"
BIN = Path(sys.executable).parent


def generate(spec: Path, out: Path, package: str | None = None) -> list[GeneratedFile]:
    files = generate_sdk(build_ir(load_workspace(spec)), package_name=package)
    write_tree(files, out)
    return files


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def run_ruff(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [tool("ruff"), "check", "--no-cache", "."], cwd=folder, capture_output=True, text=True, timeout=120
    )


def run_mypy(folders: list[Path], packages: list[str], cache: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MYPYPATH=os.pathsep.join(str(f) for f in folders))
    args = [tool("mypy"), "--strict", "--python-version", "3.11", "--cache-dir", str(cache), "--config-file", ""]
    for p in packages:
        args += ["-p", p]
    return subprocess.run(args, cwd=folders[0], capture_output=True, text=True, timeout=600, env=env)
