"""Publishing contracts through `/contracts/publish` (Pact Broker ≥ 2.86, PactFlow)."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass, field

from apictl.contract.broker.http import BrokerClient, dig, link_list


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
