"""The fixture cases run through swagger-mock-validator itself: it reports the
codes each case.json records for it (where apictl differs, case.json says why).
Skipped when bench/.cache lacks the npm tool (bash bench/setup.sh installs it)."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.contract.check.helpers import SMV, SMV_ARGS, case, case_names

_COUNT = re.compile(r"^\t([a-z.-]+): (\d+)$", re.M)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SMV.exists(), reason="swagger-mock-validator not installed (bash bench/setup.sh)"),
]


@pytest.mark.parametrize("name", case_names())
def test_swagger_mock_validator_reports_the_recorded_codes(name: str) -> None:
    meta = case(name)
    args = [a for arg in meta["args"] for a in SMV_ARGS.get(arg, [])]
    run = subprocess.run(
        [str(SMV), *args, str(meta["spec_path"]), str(meta["pact"])],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    assert sorted({m.group(1) for m in _COUNT.finditer(run.stdout)}) == sorted(set(meta["smv"]))
