"""Every case of the Pact specification's matching suite (v1-v4), one test each:
request cases through the stub's request matcher, response cases through the
response comparison, message cases through the message comparison.
`python -m tests.contract.pact_spec_cases` prints the pass counts per version; a test
session that runs these cases prints them in its summary (tests/contract/conftest.py)."""

from __future__ import annotations

import pytest

from tests.contract.conftest import summary_lines
from tests.contract.pact_spec_cases import SUITE, Case, cases, run

CASES = cases()


def test_the_suite_is_there() -> None:
    if not SUITE.is_dir():
        pytest.skip("the pact-spec-cases peer suite is not present")
    assert len(CASES) == 524
    assert {c.kind for c in CASES} == {"request", "response", "message"}
    per_version = {v: sum(c.version == v for c in CASES) for v in ("v1", "v1.1", "v2", "v3", "v4")}
    assert per_version == {"v1": 47, "v1.1": 63, "v2": 120, "v3": 142, "v4": 152}


def test_the_session_summary_counts_passes_per_version() -> None:
    outcomes = {
        "tests/contract/test_pact_spec_cases.py::test_case[v1/request/body/a.json]": True,
        "tests/contract/test_pact_spec_cases.py::test_case[v1/request/body/b.json]": False,
        "tests/contract/test_pact_spec_cases.py::test_case[v4/message/body/c.json]": True,
        "tests/contract/test_stub.py::test_other": False,
    }
    assert summary_lines(outcomes) == ["pact-spec-cases passed: v1 1/2, v4 1/1"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    expected, mismatches = run(case)
    if expected:
        assert mismatches == [], "\n".join(m.describe() for m in mismatches)
    else:
        assert mismatches, "a mismatch was expected, none found"
        for m in mismatches:  # every mismatch says where and what
            assert m.kind and m.message
