"""Golden-file assertions. Regenerate all goldens with:

APICTL_REGEN=1 python -m pytest
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN_DIR = Path(__file__).parent / "golden"


def assert_golden(relative_path: str, actual: str) -> None:
    path = GOLDEN_DIR / relative_path
    if os.environ.get("APICTL_REGEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"missing golden {path}; run with APICTL_REGEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path} (APICTL_REGEN=1 to update)\n--- actual ---\n{actual}"
