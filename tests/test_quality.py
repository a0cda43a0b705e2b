"""The code stays typed and tidy: `mypy --strict` on src/, ruff lint and format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *cmd], cwd=ROOT, capture_output=True, text=True)


def test_ruff() -> None:
    pytest.importorskip("ruff")
    lint = _run("ruff", "check", "src", "tests", "bench", "scripts")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = _run("ruff", "format", "--check", "src", "tests", "bench", "scripts")
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_mypy_strict() -> None:
    pytest.importorskip("mypy")
    proc = _run("mypy", "--strict", "src")
    assert proc.returncode == 0, proc.stdout + proc.stderr
