"""The acceptance figures of the contract peer suites, reported at the end of a test
session that ran them: pass counts per version of the Pact specification's matching
cases, and how many of the Pact Broker contract's 67 interactions the broker client's
scenarios requested and had answered as the pact expects."""

from __future__ import annotations

from typing import Any

import pytest

SPEC_CASES = "test_pact_spec_cases.py::test_case["
BROKER_SCENARIOS = "test_broker_contract.py::test_scenario["

_outcomes: dict[str, bool] = {}  # test id -> passed, for the two suites' tests


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if SPEC_CASES not in report.nodeid and BROKER_SCENARIOS not in report.nodeid:
        return
    if report.when == "call" or (report.when == "setup" and not report.passed):
        _outcomes[report.nodeid] = report.passed and report.when == "call"


def summary_lines(outcomes: dict[str, bool]) -> list[str]:
    lines = []
    per_version: dict[str, list[int]] = {}
    for nodeid, passed in outcomes.items():
        if SPEC_CASES in nodeid:
            version = nodeid.split(SPEC_CASES, 1)[1].split("/", 1)[0]
            counts = per_version.setdefault(version, [0, 0])
            counts[0] += passed
            counts[1] += 1
    if per_version:
        parts = [f"{v} {p}/{t}" for v, (p, t) in sorted(per_version.items())]
        lines.append("pact-spec-cases passed: " + ", ".join(parts))
    ran = {
        nodeid.split(BROKER_SCENARIOS, 1)[1][:-1]: ok for nodeid, ok in outcomes.items() if BROKER_SCENARIOS in nodeid
    }
    if ran:
        from tests.contract.broker.test_broker_contract import INTERACTIONS, SCENARIOS

        covered = {i for s in SCENARIOS if ran.get(s.name) for i in s.interactions}
        scenarios_passed = sum(ran.values())
        lines.append(
            f"pact-broker-contract: {len(covered)} of {len(INTERACTIONS)} interactions requested and answered "
            f"as the pact expects ({scenarios_passed} of {len(ran)} scenarios passed)"
        )
    return lines


def pytest_terminal_summary(terminalreporter: Any) -> None:
    lines = summary_lines(_outcomes)
    if lines:
        terminalreporter.section("contract peer suites")
        for line in lines:
            terminalreporter.write_line(line)
