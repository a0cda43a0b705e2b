"""docs/rules/ is generated from the docstrings and must not drift."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_rule_docs_are_current() -> None:
    proc = subprocess.run(
        [sys.executable, "scripts/gen_rule_docs.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, f"run `python3 scripts/gen_rule_docs.py`:\n{proc.stdout}{proc.stderr}"
