"""Every case of the Pact specification's matching suite (v1-v4), one test each:
request cases through the stub's request matcher, response cases through the
response comparison, message cases through the message comparison.
`python -m tests.contract.pact_spec_cases` prints the pass counts per version."""

from __future__ import annotations

import pytest

from tests.contract.pact_spec_cases import SUITE, Case, cases, run

CASES = cases()


def test_the_suite_is_there() -> None:
    if not SUITE.is_dir():
        pytest.skip("the pact-spec-cases peer suite is not present")
    assert len(CASES) == 524
    assert {c.kind for c in CASES} == {"request", "response", "message"}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    expected, mismatches = run(case)
    if expected:
        assert mismatches == [], "\n".join(m.describe() for m in mismatches)
    else:
        assert mismatches, "a mismatch was expected, none found"
        for m in mismatches:  # every mismatch says where and what
            assert m.kind and m.message
