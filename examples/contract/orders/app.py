"""orders: the consumer. A plain ASGI app that accepts an order when inventory has stock.

POST /orders {"item": 1, "quantity": 2} -> 201 {"item": 1, "quantity": 2, "status": "accepted"}
                                         | 409 {"error": "only 1 in stock"} | 404 {"error": "no item 3"}
"""

from __future__ import annotations

import json
from typing import Any

from examples.contract.inventory.app import Receive, Scope, Send, _json
from examples.contract.orders.inventory_client import InventoryClient


def create_app(inventory_url: str) -> Any:
    inventory = InventoryClient(inventory_url)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        message = await receive()
        if scope["method"] != "POST" or scope["path"] != "/orders":
            await _json(send, 404, {"error": "not found"})
            return
        order = json.loads(message.get("body") or b"{}")
        item = inventory.get_item(int(order["item"]))
        if item is None:
            await _json(send, 404, {"error": f"no item {order['item']}"})
        elif item.stock < int(order["quantity"]):
            await _json(send, 409, {"error": f"only {item.stock} in stock"})
        else:
            await _json(send, 201, {"item": item.id, "quantity": order["quantity"], "status": "accepted"})

    return app
