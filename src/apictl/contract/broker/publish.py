"""Publishing contracts through `/contracts/publish` (Pact Broker ≥ 2.86, PactFlow)."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from apictl.contract.broker.http import BrokerClient, dig, link_list
from apictl.core.errors import InputError


@dataclass(frozen=True, slots=True)
class Contract:
    consumer: str
    provider: str
    content: bytes  # the pact file's bytes, sent as written
    content_type: str = "application/json"
    specification: str = "pact"
    source: str = ""  # where it was read from, for messages


@dataclass(slots=True)
class PublishResult:
    pacticipant: str
    version: str
    contract_urls: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    logs: list[tuple[str, str]] = field(default_factory=list)  # (level, message) from the broker


def read_pact(path: Path) -> Contract:
    """A pact file as a publishable contract; malformed files are a located InputError."""
    import orjson

    try:
        content = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the pact: {exc.strerror or exc}", uri=str(path)) from None
    if not content.strip():
        raise InputError("the pact file is empty (a failed consumer test run?)", uri=str(path))
    try:
        data = orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc}", uri=str(path)) from None
    names = []
    for role in ("consumer", "provider"):
        party = data.get(role) if isinstance(data, dict) else None
        name = party.get("name") if isinstance(party, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise InputError(f"not a pact: /{role}/name is missing", uri=str(path))
        names.append(name)
    return Contract(names[0], names[1], content, source=str(path))


def publish_contracts(
    client: BrokerClient,
    *,
    pacticipant: str,
    version: str,
    contracts: Sequence[Contract],
    branch: str | None = None,
    tags: Sequence[str] = (),
    build_url: str | None = None,
    merge: bool = False,
) -> PublishResult:
    """Publish pacts for one consumer version (and record its branch/tags) in one request."""
    body: dict[str, object] = {"pacticipantName": pacticipant, "pacticipantVersionNumber": version}
    if branch:
        body["branch"] = branch
    if tags:
        body["tags"] = list(tags)
    if build_url:
        body["buildUrl"] = build_url
    body["contracts"] = [
        {
            "consumerName": c.consumer,
            "providerName": c.provider,
            "specification": c.specification,
            "contentType": c.content_type,
            "content": base64.b64encode(c.content).decode("ascii"),
            "onConflict": "merge" if merge else "overwrite",
        }
        for c in contracts
    ]
    answer = client.call("POST", client.link("pb:publish-contracts"), json=body).body or {}
    embedded = answer.get("_embedded", {}) if isinstance(answer, dict) else {}
    result = PublishResult(
        pacticipant=str(dig(embedded, "pacticipant", "name") or pacticipant),
        version=str(dig(embedded, "version", "number") or version),
    )
    result.contract_urls = [str(e["href"]) for e in link_list(answer, "pb:contracts") if "href" in e]
    result.tags = [str(e["name"]) for e in link_list(answer, "pb:pacticipant-version-tags") if "name" in e]
    for log in answer.get("logs", []) if isinstance(answer, dict) else []:
        if isinstance(log, dict):
            result.logs.append((str(log.get("level", "info")), str(log.get("message", ""))))
    return result
