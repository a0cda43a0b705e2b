"""What to verify, against what, and where to report the results."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class BrokerSource:
    url: str
    token: str | None = None
    username: str | None = None
    password: str | None = None
    selectors: tuple[dict[str, Any], ...] = ()  # consumer version selectors, as the broker spells them
    include_pending: bool = False
    include_wip_since: str | None = None
    provider_tags: tuple[str, ...] = ()


@dataclass(slots=True)
class VerifyRequest:
    provider: str
    base_url: str
    pact_files: list[Path] = field(default_factory=list)
    pact_dirs: list[Path] = field(default_factory=list)
    broker: BrokerSource | None = None
    state_change_url: str | None = None
    state_hook: str | None = None  # "module:function"
    state_teardown: bool = True
    consumers: tuple[str, ...] = ()  # verify only these consumers' pacts
    headers: tuple[tuple[str, str], ...] = ()  # added to every request to the provider
    timeout: float = 5.0  # seconds per request to the provider
    publish: bool = False
    provider_version: str | None = None
    branch: str | None = None
    provider_tags: tuple[str, ...] = ()
    build_url: str | None = None
    fail_if_no_pacts: bool = True  # a provider without consumers yet may choose to pass
