"""Real-world robustness: a fixed sample of the APIs.guru collection lints in one
call with no traceback, no load error and no rule crash; the per-rule counts are a
snapshot, so any change in what apictl finds on real specs shows up in review."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from apictl.cli import app
from tests.golden import assert_golden

SAMPLE = Path("tests/fixtures/apis-guru")


def test_sample_lints_cleanly_in_one_call() -> None:
    result = CliRunner().invoke(app, ["lint", "--no-config", "--preset", "all", "-j", "2", "-f", "json", str(SAMPLE)])
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    assert result.stderr == ""
    assert result.exit_code in (0, 1)
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == len(list(SAMPLE.glob("*.json")))
    assert not [d for d in report["diagnostics"] if "internal error" in d["message"]]
    per_file: dict[str, Counter[str]] = {}
    for d in report["diagnostics"]:
        per_file.setdefault(Path(d["file"]).name, Counter())[d["code"]] += 1
    lines = [
        f"{name}: " + ", ".join(f"{code}×{n}" for code, n in sorted(c.items())) for name, c in sorted(per_file.items())
    ]
    assert_golden("realworld/apis-guru-sample.txt", "\n".join(lines) + "\n")
