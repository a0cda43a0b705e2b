"""A 200 that is not the broker's JSON (a proxy's HTML page, a list, nothing) is an error
(exit 2), not success: `create-version-tag` must not print "Tagged", `list-latest-pact-versions`
must not say "no pacts", `can-i-deploy` must not answer "no" (exit 1)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.cli.helpers import assert_error_lines, first_error, invoke

BODIES = {
    "list": b"[1,2,3]",
    "html": b"<html>hi</html>",
    "empty": b"",
    "wrong members": b'{"_links": [1, 2], "_embedded": 5, "summary": "x", "matrix": {"a": 1}, "pacts": 5}',
}
COMMANDS = [
    ["create-version-tag", "--pacticipant", "a", "--version", "1", "--tag", "main"],
    ["list-latest-pact-versions"],
    ["can-i-deploy", "--pacticipant", "a", "--version", "1", "--to-environment", "production"],
]


class _Weird(BaseHTTPRequestHandler):
    body = b""

    def _answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/hal+json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer  # noqa: N815 (the stdlib's names)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def weird_broker(request: pytest.FixtureRequest) -> Iterator[str]:
    handler = type("Handler", (_Weird,), {"body": BODIES[request.param]})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]!s}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("weird_broker", "command"),
    # an empty answer (or any object) to a write is accepted (the broker's own contract has some)
    [(b, c) for b in sorted(BODIES) for c in COMMANDS if b not in ("empty", "wrong members") or c[0] != COMMANDS[0][0]],
    indirect=["weird_broker"],
    ids=str,
)
def test_answers_that_are_not_broker_json_are_errors(weird_broker: str, command: list[str]) -> None:
    result = invoke("contract", *command, "--broker-url", weird_broker)
    assert result.exit_code == 2, result.stdout
    assert_error_lines(result)
    assert "is the URL a Pact Broker's?" in first_error(result)
    assert "Tagged" not in result.stdout and "no pacts" not in result.stdout
