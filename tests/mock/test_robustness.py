"""Whatever arrives, the engine answers — 4xx for nonsense, never an exception."""

from __future__ import annotations

import random

import pytest

from apictl.mock.types import MockRequest
from tests.mock.conftest import make_engine

PIECES = [
    "pets",
    "1",
    "mine",
    "%zz",
    "%00",
    "%2F",
    "..",
    "",
    "items",
    "é",
    "{id}",
    "label",
    ".1,x",
    ";x=1",
    "v1",
    "things",
]
HEADERS = ["accept", "content-type", "prefer", "authorization", "cookie", "x-rate", "origin"]
VALUES = [
    "*/*",
    "application/json",
    "text/plain;q=0",
    "code=abc",
    "example=",
    "dynamic=maybe",
    "Basic ",
    "=;;=",
    "\x7f",
    "",
]
BODIES = [b"", b"{", b'{"name": "x"}', b"[1,2", b"\xff\xfe", b"name=a&&=&%zz", b"--b\r\n\r\n", b'{"a":' * 50]


@pytest.mark.parametrize("fixture", ["petstore.yaml", "params.yaml", "bodies.yaml", "security.yaml", "swagger2.yaml"])
def test_random_requests_never_crash(fixture: str) -> None:
    engine = make_engine(fixture, dynamic=fixture == "params.yaml")
    rng = random.Random(fixture)
    for _ in range(400):
        path = "/" + "/".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))
        query = "&".join(f"{rng.choice(PIECES)}={rng.choice(VALUES)}" for _ in range(rng.randint(0, 3)))
        headers = [(rng.choice(HEADERS), rng.choice(VALUES)) for _ in range(rng.randint(0, 4))]
        method = rng.choice(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "BREW"])
        response = engine.handle(MockRequest(method, path, query, headers, rng.choice(BODIES)))
        assert 200 <= response.status < 500, (method, path, query, headers, response.body[:300])
