"""A generated FastAPI server refuses by default: `credentials.verify` denies until the
user implements it, and schemes the server cannot see (mutual TLS) or that the contract
never defines count as absent (401 problem+json), never as present."""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from apictl.gen.server import generate_server

GHOST = Path(__file__).parent / "fixtures" / "ghost.yaml"
PACKAGE = "ghost_server"


@pytest.fixture(scope="module")
def app_module(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("ghost") / "out"
    generate_server(GHOST, out, package_name=PACKAGE)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(f"{PACKAGE}.app")
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def _get(module: ModuleType, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=module.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(path, headers=headers or {})

    return asyncio.run(call())


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/ghost", None),  # a requirement naming a scheme the contract does not define
        ("/mtls", None),  # mutual TLS: invisible to the application
        ("/token", {"Authorization": "Bearer anything"}),  # present, but verify() is not implemented
        ("/token", None),
    ],
)
def test_credentials_are_refused_by_default(app_module: ModuleType, path: str, headers: dict[str, str] | None) -> None:
    response = _get(app_module, path, headers)
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Unauthorized"


def test_operations_without_security_still_reach_the_handler(app_module: ModuleType) -> None:
    assert _get(app_module, "/open").status_code == 501  # not implemented yet, but not refused
