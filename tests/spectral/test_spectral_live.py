"""Against the real Spectral, when it is installed (bash bench/setup.sh):
the recorded expectations still describe what Spectral does, and apictl agrees
with a fresh run. Skipped when bench/.cache/node is absent (CI without npm)."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.spectral.cases import CASES, ROOT, SEVERITIES, compared_rules
from tests.spectral.conftest import HAVE_SPECTRAL, SPECTRAL
from tests.spectral.test_agreement import Row, apictl_results

pytestmark = pytest.mark.skipif(not HAVE_SPECTRAL, reason="Spectral is not installed (bash bench/setup.sh)")


def spectral_now(name: str) -> set[Row]:
    ruleset, spectral_ruleset, specs = CASES[name]
    keep = compared_rules(ruleset)
    out: set[Row] = set()
    for spec in specs:
        proc = subprocess.run(
            [str(SPECTRAL), "lint", "-r", str(spectral_ruleset or ruleset), str(spec), "-f", "json"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
        )
        for r in json.JSONDecoder().raw_decode(proc.stdout.lstrip())[0]:
            if keep is not None and r["code"] not in keep:
                continue
            start = r["range"]["start"]
            source = r["source"].replace(str(ROOT) + "/", "")
            out.add(
                (r["code"], source, start["line"] + 1, start["character"] + 1, SEVERITIES[r["severity"]], r["message"])
            )
    return out


@pytest.mark.parametrize("name", ["functions", "positions", "resolution", "rulesets"])
def test_apictl_agrees_with_a_fresh_spectral_run(name: str) -> None:
    ruleset, _, specs = CASES[name]
    expected = spectral_now(name)
    found = apictl_results(ruleset, specs)
    print(f"{name}: {len(expected & found)}/{len(expected)} agree")
    assert expected == found, {
        "only Spectral": sorted(expected - found)[:10],
        "only apictl": sorted(found - expected)[:10],
    }
