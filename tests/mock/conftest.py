"""Helpers for the mock engine's tests: engines built from fixture files, and
requests sent through `MockEngine.handle` (no sockets)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from apictl.mock.engine import MockEngine
from apictl.mock.spec import load_spec
from apictl.mock.types import MockOptions, MockRequest, MockResponse

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_engine(name: str, **options: Any) -> MockEngine:
    return MockEngine(load_spec(FIXTURES / name), MockOptions(**options))


def call(
    engine: Any,
    method: str,
    target: str,
    headers: dict[str, str] | None = None,
    body: bytes | str | Any = b"",
) -> MockResponse:
    path, _, query = target.partition("?")
    sent = {k.lower(): v for k, v in (headers or {}).items()}
    if not isinstance(body, (bytes, str)):
        body = json.dumps(body)
        sent.setdefault("content-type", "application/json")
    data = body.encode() if isinstance(body, str) else body
    request = MockRequest(method, path, query, list(sent.items()), data)
    handle = engine.handle if hasattr(engine, "handle") else engine
    return handle(request)


def body_json(response: MockResponse) -> Any:
    return json.loads(response.body)


def violations(response: MockResponse) -> list[dict[str, Any]]:
    header = response.header("sl-violations")
    return json.loads(header) if header else []


@pytest.fixture(scope="module")
def petstore() -> MockEngine:
    return make_engine("petstore.yaml")
