"""orders' client for the inventory service: the code whose expectations the pact records."""

from __future__ import annotations

from dataclasses import dataclass

import httpx


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    stock: int


class InventoryClient:
    def __init__(self, base_url: str, *, timeout: float = 5.0) -> None:
        self._http = httpx.Client(base_url=base_url, timeout=timeout)

    def get_item(self, item_id: int) -> Item | None:
        """The item, or None when inventory does not know it."""
        response = self._http.get(f"/items/{item_id}", headers={"Accept": "application/json"})
        if response.status_code == 404:
            return None
        response.raise_for_status()
        data = response.json()
        return Item(id=int(data["id"]), name=str(data["name"]), stock=int(data["stock"]))

    def close(self) -> None:
        self._http.close()
