"""The provider-state hook for `apictl contract verify --state-hook examples.contract.inventory.states:set_state`,
for when the provider runs in the verifying process (a test starts it in a thread)."""

from __future__ import annotations

from typing import Any

from examples.contract.inventory.app import Store

STORE = Store()


def set_state(state: str, action: str, parameters: dict[str, Any]) -> None:
    STORE.apply_state(state, action, parameters)
