"""The consumer test that writes the pact orders → inventory with pact-python's consumer DSL.

Each interaction is exercised through orders' real `InventoryClient` against pact-python's
mock server; the pact is written only when every interaction was matched, and written
atomically (`apictl.contract.pactfile.write_pact`), so a failed run never leaves a
0-byte or half-written pact for `apictl contract publish` to pick up.

    python -m examples.contract.orders.pact_test examples/contract/pacts
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("PACT_DO_NOT_TRACK", "true")  # before pact is imported


def record_pact(out_dir: Path) -> Path:
    from pact import Pact, match

    from apictl.contract.pactfile import write_pact
    from examples.contract.orders.inventory_client import InventoryClient

    pact = Pact("orders", "inventory").with_specification("V3")
    (
        pact.upon_receiving("a request for an item in stock")
        .given("item 1 exists", id=1, stock=5)
        .with_request("GET", "/items/1")
        .with_header("Accept", "application/json")
        .will_respond_with(200)
        .with_header("Content-Type", "application/json")
        .with_body({"id": match.int(1), "name": match.str("widget"), "stock": match.int(5)})
    )
    (
        pact.upon_receiving("a request for an unknown item")
        .given("item 9 does not exist")
        .with_request("GET", "/items/9")
        .with_header("Accept", "application/json")
        .will_respond_with(404)
        .with_header("Content-Type", "application/json")
        .with_body({"error": match.str("no item 9")})
    )
    with pact.serve() as server:
        client = InventoryClient(str(server.url))
        try:
            item = client.get_item(1)
            assert item is not None and item.stock == 5, item
            assert client.get_item(9) is None
        finally:
            client.close()
    return write_pact(pact, out_dir)


if __name__ == "__main__":
    print(record_pact(Path(sys.argv[1] if len(sys.argv) > 1 else "pacts")))
