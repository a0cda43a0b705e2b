"""Twins that exercise several rules at once (tests/diff/scenarios/<name>/old.yaml, new.yaml):
every finding of the whole catalogue, as users see it, is snapshotted in
tests/golden/diff/scenarios/<name>.txt (APICTL_REGEN=1 to update)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from apictl.diff.engine import diff
from apictl.diff.run import DiffOutcome
from apictl.diff.sides import open_side
from apictl.report import render
from tests.golden import assert_golden

SCENARIOS = sorted(p for p in Path("tests/diff/scenarios").iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", SCENARIOS, ids=lambda p: p.name)
def test_scenario(folder: Path) -> None:
    old, new = open_side(str(folder / "old.yaml")), open_side(str(folder / "new.yaml"))
    found = diff(old, new, today=date(2025, 6, 1))
    assert all("internal error" not in d.message for d in found), found
    outcome = DiffOutcome(old, new, found, None)
    assert_golden(f"diff/scenarios/{folder.name}.txt", render("text", found, outcome.report_context()))
