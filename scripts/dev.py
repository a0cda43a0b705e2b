#!/usr/bin/env python3
"""The README's two commands, needing only python3 and pip.

python3 scripts/dev.py demo   # make .venv, install apictl, lint/diff/contract-check examples/
python3 scripts/dev.py test   # make .venv, install apictl[test], run the whole test suite
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("APICTL_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def sh(*cmd: str | Path, check: bool = True) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def ensure_venv(extra: str) -> None:
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    sh(BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f".{extra}")


def demo() -> int:
    ensure_venv("")
    sh(BIN / "apictl", "--version")
    steps = [
        # the bundled contracts (examples/ci-history holds pull-request overlays, not standalone contracts)
        ("lint", "examples/petstore", "examples/bookstore-multifile", "examples/legacy-swagger2", "examples/contract"),
        # a pull request's breaking changes
        ("diff", "examples/ci-history/base/api/openapi.yaml", "examples/ci-history/breaking/api/openapi.yaml"),
        # consumer pacts against the provider's contract
        ("contract", "check", "examples/contract/pacts", "--spec", "examples/contract/inventory/openapi.yaml"),
    ]
    worst = 0
    for args in steps:
        print(flush=True)
        code = sh(BIN / "apictl", *args, check=False)
        print(f"apictl {args[0]} exited {code} (0: clean, 1: findings, 2: input error)")
        worst = max(worst, code)
    return 0 if worst in (0, 1) else worst


def test() -> int:
    ensure_venv("[test]")
    return sh(BIN / "python", "-m", "pytest", *sys.argv[2:], check=False)


if __name__ == "__main__":
    task = sys.argv[1] if len(sys.argv) > 1 else ""
    if task not in ("demo", "test"):
        sys.exit(__doc__)
    sys.exit({"demo": demo, "test": test}[task]())
