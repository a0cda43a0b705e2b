"""The Pact specification's own matching cases (../shared/peer-suites/pact-spec-cases),
run through apictl: request cases through the stub's request matcher, response
cases through the response comparison (both with the actual message in the
form a server receives it: method, raw path and query, header lines, body
bytes), message cases through the message comparison.

`python -m tests.contract.pact_spec_cases` prints pass counts per version and
lists the cases that fail."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from apictl.contract.matching import Mismatch, match_message, match_request, match_response
from apictl.contract.pact import Reader, parse_spec_version
from apictl.contract.wire import request_from_wire, request_to_wire, response_from_wire, response_to_wire

SUITE = Path(__file__).resolve().parents[2].parent / "shared" / "peer-suites" / "pact-spec-cases"
VERSIONS = ("v1", "v1.1", "v2", "v3", "v4")


@dataclass(frozen=True)
class Case:
    version: str  # "v1" ... "v4"
    kind: str  # "request" | "response" | "message"
    path: Path

    @property
    def id(self) -> str:
        return f"{self.version}/{self.path.relative_to(SUITE / self.version / 'testcases')}"


def cases() -> list[Case]:
    out = []
    for version in VERSIONS:
        root = SUITE / version / "testcases"
        for path in sorted(root.glob("*/*/*.json")):
            out.append(Case(version, path.relative_to(root).parts[0], path))
    return out


def run(case: Case) -> tuple[bool, list[Mismatch]]:
    """(whether the case expects a match, the mismatches apictl finds)."""
    data = json.loads(case.path.read_text(encoding="utf-8-sig"))  # some v1 files start with a BOM
    spec = parse_spec_version(case.version)
    assert spec is not None
    reader = Reader(spec)
    if case.kind == "request":
        expected = reader.request(data["expected"], "/expected")
        sent = request_to_wire(reader.request(data["actual"], "/actual"))
        mismatches = match_request(expected, request_from_wire(sent))
    elif case.kind == "response":
        sent_response = response_to_wire(reader.response(data["actual"], "/actual"))
        mismatches = match_response(reader.response(data["expected"], "/expected"), response_from_wire(sent_response))
    else:
        mismatches = match_message(
            reader.message(data["expected"], "/expected"), reader.message(data["actual"], "/actual")
        )
    return bool(data["match"]), mismatches


def report() -> int:
    totals: dict[str, list[int]] = {}
    failures = []
    for case in cases():
        expected, mismatches = run(case)
        ok = expected == (not mismatches)
        counts = totals.setdefault(case.version, [0, 0])
        counts[0] += ok
        counts[1] += 1
        if not ok:
            failures.append((case, expected, mismatches))
    for version in VERSIONS:
        passed, total = totals.get(version, [0, 0])
        print(f"{version:5} {passed:4}/{total:<4} {100 * passed / total if total else 0:5.1f}%")
    passed = sum(p for p, _ in totals.values())
    total = sum(t for _, t in totals.values())
    print(f"all   {passed:4}/{total:<4} {100 * passed / total if total else 0:5.1f}%")
    for case, expected, mismatches in failures:
        print(f"FAIL {case.id}: expected match={expected}, got {len(mismatches)} mismatch(es)")
        for m in mismatches[:3]:
            print(f"     {m.describe()}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(report())
