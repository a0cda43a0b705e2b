"""Pacts are written by other teams: a hostile or careless one must not hang or crash
`contract check`, `apictl ci` or the stub. Regexes run with a time budget, generator
parameters and response headers are validated when the pact is loaded."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest

from apictl.contract.matching.values import check
from apictl.contract.regexes import MATCH_TIMEOUT_S
from apictl.core.regexgen import PatternError, generate
from apictl.serve.asgi import AsgiApp
from apictl.serve.messages import Request, Response
from tests.cli.helpers import assert_error_lines, first_error, invoke

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


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("random-string-huge.json", "1:269: RandomString 'size' must be 0..10000, got 300000000"),
        ("regex-repeat-huge.json", "1:212: cannot generate values for '[a-z]{999999999}': repetition count"),
        ("random-int-text.json", "'min' must be an integer, got 'a'"),
        ("header-crlf.json", "1:178: header 'X-A' has a control character (CR, LF, ...) in its value"),
        ("header-not-latin1.json", "header 'X-A' has characters HTTP headers cannot carry (not Latin-1)"),
    ],
)
def test_unservable_pacts_are_refused_at_load(name: str, message: str) -> None:
    result = invoke("contract", "stub", HOSTILE / name, "--port", "0")
    assert result.exit_code == 2
    assert_error_lines(result)
    assert first_error(result).startswith(f"apictl: error: {HOSTILE / name}:")
    assert message in first_error(result)


def test_generated_regex_lengths_are_capped() -> None:
    with pytest.raises(PatternError, match="longer than the limit"):
        generate("([a-z]{5000}){5000}")
    assert len(generate("[a-z]{10000}")) == 10000


SENT_AT: list[float] = []


def _asgi_call(app: AsgiApp) -> tuple[int, list[tuple[bytes, bytes]]]:
    """One GET through the adapter; `sent_at` (perf_counter) records when the answer went out."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        SENT_AT.append(time.perf_counter())

    asyncio.run(app({"type": "http", "method": "GET", "path": "/", "headers": []}, receive, send))
    return sent[0]["status"], sent[0]["headers"]


def test_a_slow_answer_is_cut_off_and_the_loop_stays_free() -> None:
    def slow(_request: Request) -> Response:
        time.sleep(2)
        return Response(200, [], b"late")

    started = time.perf_counter()
    status, _headers = _asgi_call(AsgiApp(slow, handler_budget_s=0.2))
    assert status == 500
    assert SENT_AT[-1] - started < 1.5  # answered before the handler finished


def test_a_header_that_cannot_go_on_the_wire_is_a_500_not_a_crash() -> None:
    def injecting(_request: Request) -> Response:
        return Response(200, [("x-a", "v\r\nSet-Cookie: evil=1")], b"")

    status, headers = _asgi_call(AsgiApp(injecting))
    assert status == 500
    assert not any(name == b"set-cookie" for name, _ in headers)
    folded = Response(200, [("x-a", "one;\n    two")], b"")
    assert _asgi_call(AsgiApp(lambda _r: folded)) == (200, [(b"x-a", b"one; two"), (b"content-length", b"0")])
