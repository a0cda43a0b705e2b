"""Verifier results -> Diagnostics (no verifier run: results as pact-python 4.x reports them)."""

from __future__ import annotations

from typing import Any

import pytest

from apictl.contract.verify.diagnostics import PactInteraction, json_path_to_pointer, results_diagnostics
from apictl.contract.verify.run import state_failures
from apictl.core.diagnostic import Severity

WHERE = [
    PactInteraction(
        "get item", ("item 1 exists",), "/interactions/0", "/interactions/0/response", "/interactions/0/response/body"
    )
]


@pytest.mark.parametrize(
    ("path", "pointer"),
    [
        ("$", ""),
        ("$.id", "/id"),
        ("$.items[0].name", "/items/0/name"),
        ("$['a.b'][2]", "/a.b/2"),
        ("$.a/b", "/a~1b"),
        ("/", ""),
    ],
)
def test_json_paths_become_pointers(path: str, pointer: str) -> None:
    assert json_path_to_pointer(path) == pointer


def _result(mismatch: dict[str, Any], pending: bool = False) -> dict[str, Any]:
    return {
        "interactionResults": [
            {
                "consumer": "orders",
                "provider": "inventory",
                "description": "get item",
                "providerStates": ["item 1 exists"],
                "pending": pending,
                "mismatch": mismatch,
                "result": "Error",
            }
        ]
    }


def test_mismatches_are_located_with_expected_and_actual() -> None:
    mismatches = [
        {"type": "StatusMismatch", "expected": 200, "actual": 500, "mismatch": "expected 200 but was 500"},
        {
            "type": "HeaderMismatch",
            "key": "Content-Type",
            "expected": '"application/json"',
            "actual": "",
            "mismatch": "m",
        },
        {
            "type": "BodyMismatch",
            "path": "$.items[0].id",
            "expected": "1",
            "actual": '"1"',
            "mismatch": "not an integer",
        },
        {"type": "QueryMismatch", "mismatch": "odd"},
    ]
    found = results_diagnostics(_result({"type": "mismatches", "mismatches": mismatches}), WHERE, uri="p.json")
    assert [(d.code, d.pointer, d.severity) for d in found] == [
        ("PV101", "/interactions/0/response/status", Severity.ERROR),
        ("PV102", "/interactions/0/response/headers/Content-Type", Severity.ERROR),
        ("PV103", "/interactions/0/response/body/items/0/id", Severity.ERROR),
        ("PV100", "/interactions/0", Severity.ERROR),
    ]
    assert found[2].message == (
        'orders → inventory: "get item" (given item 1 exists): body $.items[0].id: not an integer\n'
        'expected: 1\nactual:   "1"'
    )
    assert found[2].extra["expected"] == "1" and found[2].extra["interaction"] == "get item"


def test_pending_interactions_warn_and_failed_states_replace_their_mismatches() -> None:
    mismatch = {
        "type": "mismatches",
        "mismatches": [{"type": "StatusMismatch", "mismatch": "expected 200 but was 404"}],
    }
    [pending] = results_diagnostics(_result(mismatch, pending=True), WHERE, uri="p.json")
    assert pending.severity is Severity.WARN and pending.extra["pending"] is True
    [state] = results_diagnostics(_result(mismatch), WHERE, uri="p.json", state_failures={"item 1 exists": "boom"})
    assert state.code == "PV202" and state.message.endswith("provider state failed: item 1 exists: boom")


def test_errors_without_interactions_are_load_errors() -> None:
    results = {"errors": [{"interaction": "Failed to load pact", "mismatch": {"type": "error", "message": "bad"}}]}
    [found] = results_diagnostics(results, [], uri="p.json")
    assert (found.code, found.message, found.pointer) == ("PV203", "bad", "")


def test_state_failures_are_read_from_the_verifier_log() -> None:
    log = (
        "Provider setup state change for 'item 1 exists' has failed - "
        'MismatchResult::Error("Invalid status code: 404", None)\n'
    )
    assert state_failures(log) == {"item 1 exists": "Invalid status code: 404"}
