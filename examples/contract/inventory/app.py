"""inventory: the provider. A plain ASGI app (no framework) over an in-memory store.

    GET  /items/{id}   -> 200 {"id": 1, "name": "widget", "stock": 5} | 404 {"error": ...}
    POST /_pact/provider-states  (only when built with states=True: what
         `apictl contract verify --state-change-url` calls to set up "item 1 exists")

Run it:  uvicorn --factory examples.contract.inventory.app:create_app --port 8001
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ITEM = re.compile(r"^/items/(\d+)$")


class Store:
    def __init__(self) -> None:
        self.items: dict[int, dict[str, Any]] = {}

    def apply_state(self, state: str, action: str = "setup", params: dict[str, Any] | None = None) -> None:
        """Provider states named in the consumers' pacts."""
        params = params or {}
        if action == "teardown":
            self.items.clear()
            return
        match = re.fullmatch(r"item (\d+) exists", state)
        if match:
            item_id = int(params.get("id") or match.group(1))
            self.items[item_id] = {"id": item_id, "name": params.get("name", "widget"), "stock": params.get("stock", 5)}
        elif re.fullmatch(r"item (\d+) does not exist", state):
            self.items.clear()


def create_app(store: Store | None = None, *, states: bool = False, broken: bool = False) -> Any:
    """The ASGI app. `broken=True` is the provider after an incompatible change (stock renamed)."""
    store = store or Store()

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        method, path = scope["method"], scope["path"]
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        match = ITEM.match(path)
        if method == "GET" and match:
            item = store.items.get(int(match.group(1)))
            if item is None:
                await _json(send, 404, {"error": f"no item {match.group(1)}"})
            elif broken:
                await _json(send, 200, {"id": str(item["id"]), "name": item["name"], "quantity": item["stock"]})
            else:
                await _json(send, 200, item)
        elif states and method == "POST" and path == "/_pact/provider-states":
            change = json.loads(body or b"{}")
            store.apply_state(change.get("state", ""), change.get("action", "setup"), change.get("params"))
            await _json(send, 200, {})
        else:
            await _json(send, 404, {"error": "not found"})

    return app


async def _json(send: Send, status: int, data: Any) -> None:
    payload = json.dumps(data).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


def verification_app() -> Any:
    """inventory with its provider-state endpoint, for `apictl contract verify --state-change-url`."""
    return create_app(states=True)


def broken_app() -> Any:
    """inventory after an incompatible change, to see verification fail."""
    return create_app(states=True, broken=True)
