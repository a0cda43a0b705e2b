"""Pacts are written by other teams: a hostile or careless one must not hang or crash
`contract check`, `apictl ci` or the stub. Regexes run with a time budget, generator
parameters and response headers are validated when the pact is loaded."""

from __future__ import annotations

import time
from pathlib import Path

from apictl.contract.matching.values import check
from apictl.contract.regexes import MATCH_TIMEOUT_S
from tests.cli.helpers import invoke

HOSTILE = Path("tests/contract/fixtures/hostile")  # relative: the suite runs from the repo root
SLOW_REGEX = "(a|aa)+$"  # backtracks exponentially on "aaaa…!" (the `regex` engine too)


def test_a_catastrophic_regex_is_a_finding_not_a_hang() -> None:
    started = time.perf_counter()
    result = invoke("contract", "check", HOSTILE / "redos.json", "--spec", HOSTILE / "spec.yaml")
    assert time.perf_counter() - started < 20
    assert result.exit_code == 1
    assert f"the regex '{SLOW_REGEX}' took longer than {MATCH_TIMEOUT_S} s to match" in result.stdout


def test_the_stub_matcher_gives_up_on_a_catastrophic_regex() -> None:
    started = time.perf_counter()
    reason = check({"match": "regex", "regex": SLOW_REGEX}, "a", "a" * 40 + "!")
    assert time.perf_counter() - started < 10
    assert reason is not None and "took longer than" in reason
    assert check({"match": "regex", "regex": "(?<n>a+)\\p{Alpha}\\z"}, "a", "aab") is None  # Java spelling kept
