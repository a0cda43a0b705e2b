"""End to end: the kitchen-sink SDK is generated, imported, and every operation
is called through the sync and the async client against `apictl mock serve`
(typed results, typed errors); retries, pagination, auth, uploads and streams
are checked against scripted transports (httpx.MockTransport) where the mock
cannot script the exchange (a 503 then a 200, pages that end)."""

from __future__ import annotations

import asyncio
import importlib
import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.gen.sdk_helpers import FIXTURES, ROOT, generate

PACKAGE = "e2e_kitchen_client"


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("e2e")
    generate(FIXTURES / "kitchen_sink.yaml", out, PACKAGE)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def mock_url() -> Iterator[str]:
    port = _free_port()
    cmd = [sys.executable, "-m", "apictl", "mock", "serve", str(FIXTURES / "kitchen_sink.yaml"), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "mock server did not start"
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


CREDENTIALS = {"bearer": "token", "basic": ("user", "pass"), "api_key_header": "k", "oauth": "oauth-token"}


def _every_operation(models: Any) -> list[tuple[str, str, tuple[Any, ...], dict[str, Any], Callable[[Any], bool]]]:
    """(group, method, args, kwargs, check of the typed result) for every operation."""
    return [
        ("pets", "list_pets", (), {"limit": 5}, lambda r: all(isinstance(p, models.PetResponse) for p in r)),
        ("pets", "create_pet", (models.PetRequest(name="rex", secret="s"),), {}, _is(models.PetResponse)),
        ("pets", "get_pet", (1,), {}, _is(models.PetResponse)),
        ("pets", "update_pet", (1,), {"body": models.UpdatePetBody(name=None)}, _is(models.PetResponse)),
        ("pets", "delete_pet", (1,), {}, lambda r: r is None),
        ("pets", "list_owners", (), {}, _is(models.ListOwnersResultResponse)),
        ("shapes", "list_shapes", (), {}, lambda r: all(isinstance(s, (models.Circle, models.Square)) for s in r)),
        ("shapes", "create_shape", (models.Circle(kind="circle", radius=1.0),), {}, lambda r: r is not None),
        ("files", "upload_file", (models.UploadFileBody(file=b"abc"),), {}, _is(models.FileInfo)),
        ("files", "download_file", ("a.bin",), {}, lambda r: isinstance(r, bytes)),
        (
            "files",
            "create_token",
            (models.CreateTokenBody(amount=5, metadata={"k": "v"}),),
            {},
            _is(models.CreateTokenResult),
        ),
        ("default", "get_tree", (), {}, _is(models.Node)),
    ]


def _is(cls: type) -> Callable[[Any], bool]:
    return lambda r: isinstance(r, cls)


def test_sync_client_calls_every_operation(sdk: ModuleType, mock_url: str) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    with sdk.Client(mock_url, **CREDENTIALS) as client:
        for group, method, args, kwargs, check in _every_operation(models):
            result = getattr(getattr(client, group), method)(*args, **kwargs)
            assert check(result), (method, result)
        events = list(client.events.stream_events())
        assert all(isinstance(e, sdk.ServerSentEvent) for e in events)


def test_async_client_calls_every_operation(sdk: ModuleType, mock_url: str) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")

    async def main() -> None:
        async with sdk.AsyncClient(mock_url, **CREDENTIALS) as client:
            for group, method, args, kwargs, check in _every_operation(models):
                result = await getattr(getattr(client, group), method)(*args, **kwargs)
                assert check(result), (method, result)
            events = [e async for e in client.events.stream_events()]
            assert all(isinstance(e, sdk.ServerSentEvent) for e in events)

    asyncio.run(main())


def test_typed_errors_carry_the_parsed_body(sdk: ModuleType, mock_url: str) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    errors = importlib.import_module(f"{PACKAGE}.errors")
    with sdk.Client(mock_url, **CREDENTIALS) as client:
        with pytest.raises(errors.NotFoundError) as caught:
            client.pets.get_pet(1, extra_headers={"Prefer": "code=404"})
        assert caught.value.status_code == 404 and isinstance(caught.value.body, models.Problem)
        with pytest.raises(errors.ConflictError) as conflict:
            client.pets.create_pet(models.PetRequest(name="x"), extra_headers={"Prefer": "code=409"})
        assert isinstance(conflict.value.body, models.Problem)
        with pytest.raises(errors.ClientError) as missing_auth:  # no credentials: the mock answers 401
            sdk.Client(mock_url).pets.get_pet(1)
        assert missing_auth.value.status_code == 401


# -- scripted exchanges -----------------------------------------------------------------


class Script:
    """An httpx transport answering from a list of handlers, recording requests."""

    def __init__(self, *answers: Callable[[httpx.Request], httpx.Response]) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        return answer(request)


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, json=body, headers=headers)


PET = {"id": 1, "name": "rex"}


def _client(sdk: ModuleType, script: Script, **kwargs: Any) -> Any:
    client = sdk.Client("https://api.test", transport=httpx.MockTransport(script), bearer="t", **kwargs)
    client._sleep = lambda seconds: None
    return client


def test_retry_503_then_200_honours_retry_after(sdk: ModuleType) -> None:
    script = Script(_json(503, {}, {"Retry-After": "7"}), _json(200, PET))
    client = _client(sdk, script)
    waits: list[float] = []
    client._sleep = waits.append
    assert client.pets.get_pet(1).name == "rex"
    assert len(script.requests) == 2 and waits == [7.0]


def test_async_retry_503_then_200_and_oauth2(sdk: ModuleType) -> None:
    answers = iter([httpx.Response(503, headers={"Retry-After": "0"}), httpx.Response(200, content=b"ok")])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.url.path} {request.headers.get('Authorization', '')}")
        if request.url.path == "/token":
            return httpx.Response(200, json={"access_token": "at", "expires_in": 60})
        return next(answers)

    async def main() -> bytes:
        creds = sdk.OAuth2ClientCredentials("id", "secret")  # the token URL comes from the contract
        client = sdk.AsyncClient("https://api.test", transport=httpx.MockTransport(handler), oauth=creds)

        async def no_wait(seconds: float) -> None:
            return None

        client._sleep = no_wait
        result: bytes = await client.files.download_file("a.bin")
        return result

    assert asyncio.run(main()) == b"ok"
    assert seen[0].startswith("/token ") and seen[1:] == ["/files/a.bin Bearer at", "/files/a.bin Bearer at"]


def test_retry_only_idempotent_or_with_idempotency_key(sdk: ModuleType) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    errors = importlib.import_module(f"{PACKAGE}.errors")
    script = Script(_json(503, {}), _json(201, PET))
    with pytest.raises(errors.ServerError):
        _client(sdk, script).pets.create_pet(models.PetRequest(name="rex"))
    assert len(script.requests) == 1
    script = Script(_json(429, {}), _json(201, PET))
    assert _client(sdk, script).pets.create_pet(models.PetRequest(name="rex"), idempotency_key="abc").id == 1
    assert [r.headers["Idempotency-Key"] for r in script.requests] == ["abc", "abc"]


def test_retries_give_up_with_backoff(sdk: ModuleType) -> None:
    errors = importlib.import_module(f"{PACKAGE}.errors")
    script = Script(_json(503, {}))
    client = _client(sdk, script, retry=sdk.RetryPolicy(max_retries=3, backoff=1.0))
    waits: list[float] = []
    client._sleep = waits.append
    with pytest.raises(errors.ServerError):
        client.pets.get_pet(1)
    assert len(script.requests) == 4
    assert [0.5 <= waits[0] <= 1, 1 <= waits[1] <= 2, 2 <= waits[2] <= 4] == [True, True, True]


def test_offset_pagination_is_lazy(sdk: ModuleType) -> None:
    pages = [[{"id": i, "name": f"p{i}"} for i in range(start, min(start + 2, 5))] for start in (0, 2, 4)]
    script = Script(*(_json(200, page) for page in pages))
    iterator = _client(sdk, script).pets.iter_list_pets(limit=2)
    assert script.requests == []  # nothing fetched before iteration
    assert [p.id for p in iterator] == [0, 1, 2, 3, 4]
    assert [r.url.params["offset"] for r in script.requests[1:]] == ["2", "4"]


def test_cursor_pagination(sdk: ModuleType) -> None:
    script = Script(
        _json(200, {"items": [{"id": "a"}, {"id": "b"}], "next_cursor": "c2"}),
        _json(200, {"items": [{"id": "c"}], "next_cursor": None}),
    )
    assert [o.id for o in _client(sdk, script).pets.iter_list_owners()] == ["a", "b", "c"]
    assert script.requests[1].url.params["cursor"] == "c2"


def test_link_header_pagination_sync_and_async(sdk: ModuleType) -> None:
    def page(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params.get("page", "1"))
        headers = {"Link": f'<https://api.test/shapes?page={number + 1}>; rel="next"'} if number < 3 else {}
        return httpx.Response(200, json=[{"kind": "circle", "radius": number}], headers=headers)

    script = Script(page)
    assert [s.radius for s in _client(sdk, script).shapes.iter_list_shapes()] == [1, 2, 3]

    async def main() -> list[float]:
        client = sdk.AsyncClient("https://api.test", transport=httpx.MockTransport(page), api_key_header="k")
        return [s.radius async for s in client.shapes.iter_list_shapes()]

    assert asyncio.run(main()) == [1, 2, 3]


def test_auth_schemes(sdk: ModuleType) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    script = Script(_json(200, {"kind": "circle", "radius": 1}))
    shape = models.Circle(kind="circle", radius=1)
    sdk.Client("https://api.test", transport=httpx.MockTransport(script), api_key_query="q").shapes.create_shape(shape)
    sdk.Client("https://api.test", transport=httpx.MockTransport(script), api_key_cookie="c").shapes.create_shape(shape)
    sdk.Client("https://api.test", transport=httpx.MockTransport(script), api_key_header="h").shapes.create_shape(shape)
    query, cookie, header = script.requests
    assert query.url.params["api_key"] == "q"
    assert cookie.headers["Cookie"] == "session=c"
    assert header.headers["X-API-Key"] == "h"
    script = Script(_json(200, {"size": 3}))
    sdk.Client("https://api.test", transport=httpx.MockTransport(script), basic=("u", "p")).files.upload_file(
        models.UploadFileBody(file=b"\x00\x01payload", description="d")
    )
    upload = script.requests[0]
    assert upload.headers["Authorization"] == "Basic dTpw"
    assert upload.headers["Content-Type"].startswith("multipart/form-data")
    assert b"\x00\x01payload" in upload.content and b'name="description"' in upload.content


def test_form_bodies_encode_deep_objects(sdk: ModuleType) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    script = Script(_json(200, {"token": "t"}))
    body = models.CreateTokenBody(amount=5, metadata={"order": "42", "a b": "c&d"}, expand=["x", "y"])
    assert _client(sdk, script).files.create_token(body).token == "t"
    request = script.requests[0]
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.content == b"amount=5&metadata%5Border%5D=42&metadata%5Ba+b%5D=c%26d&expand=x&expand=y"


def test_oauth2_client_credentials_fetch_and_refresh(sdk: ModuleType) -> None:
    tokens = iter(["t1", "t2"])

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            form = dict(x.split("=") for x in request.content.decode().split("&"))
            assert form["grant_type"] == "client_credentials"
            return httpx.Response(200, json={"access_token": next(tokens), "expires_in": 3600})
        if request.headers["Authorization"] == "Bearer t1" and request.url.path.endswith("/b.bin"):
            return httpx.Response(401)
        return httpx.Response(200, content=b"bytes", headers={"Content-Type": "application/octet-stream"})

    script = Script(handler)
    creds = sdk.OAuth2ClientCredentials("id", "secret", token_url="https://auth.test/token")
    client = sdk.Client("https://api.test", transport=httpx.MockTransport(script), oauth=creds)
    assert client.files.download_file("a.bin") == b"bytes"
    assert client.files.download_file("a.bin") == b"bytes"  # token reused
    assert client.files.download_file("b.bin") == b"bytes"  # 401: a new token, then the call again
    paths = [r.url.path for r in script.requests]
    assert paths == ["/token", "/files/a.bin", "/files/a.bin", "/files/b.bin", "/token", "/files/b.bin"]


def test_server_sent_events_stream(sdk: ModuleType) -> None:
    body = b'event: tick\ndata: 1\n\n: comment\ndata: {"a": 2}\nid: 7\n\n'
    script = Script(lambda r: httpx.Response(200, content=body, headers={"Content-Type": "text/event-stream"}))
    events = list(_client(sdk, script).events.stream_events())
    assert [(e.event, e.data, e.id) for e in events] == [("tick", "1", None), ("message", '{"a": 2}', "7")]
    assert events[1].json() == {"a": 2}


def test_base_url_from_servers_with_variables(sdk: ModuleType) -> None:
    script = Script(_json(200, PET))
    client = sdk.Client(transport=httpx.MockTransport(script), bearer="t", server_variables={"region": "us"})
    client._sleep = lambda s: None
    client.pets.get_pet(5)
    assert str(script.requests[0].url) == "https://us.api.example.com/v1/pets/5"
    with pytest.raises(ValueError, match="server_index"):
        sdk.Client(server_index=3)


def test_query_serialisation_and_timeouts(sdk: ModuleType) -> None:
    script = Script(_json(200, []))
    _client(sdk, script).pets.list_pets(tags=["a", "b c"], x_request_id="r1", timeout=2.5)
    request = script.requests[0]
    assert request.url.params["tags"] == "a,b c" and request.headers["X-Request-Id"] == "r1"
    assert request.extensions["timeout"]["read"] == 2.5


def test_import_is_lazy(sdk: ModuleType) -> None:
    code = f"import sys, {PACKAGE}; print(json.dumps(sorted(m for m in sys.modules if m.startswith('{PACKAGE}'))))"
    out = subprocess.run(
        [sys.executable, "-c", "import json; " + code],
        capture_output=True,
        text=True,
        cwd=Path(sys.modules[PACKAGE].__file__ or "").parents[1],
        check=True,
    )
    loaded = json.loads(out.stdout)
    assert f"{PACKAGE}.models" not in loaded and not any(".api." in m for m in loaded)
