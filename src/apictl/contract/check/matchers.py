"""Pact matchers checked against the schemas (filled in below)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from apictl.contract.check.interaction import InteractionCheck
    from apictl.contract.check.reuse import Operation


def check_matchers(check: InteractionCheck, op: Operation) -> None:
    return None
