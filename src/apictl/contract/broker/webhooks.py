"""Webhooks: create (globally, for a consumer and/or provider by name or label) and update by UUID."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from apictl.contract.broker.http import BrokerClient, dig, link_href, text_or_none

EVENTS = (
    "contract_content_changed",
    "contract_published",
    "provider_verification_published",
    "provider_verification_succeeded",
    "provider_verification_failed",
    "contract_requiring_verification_published",
)


@dataclass(frozen=True, slots=True)
class Webhook:
    """What the broker should call, and when."""

    url: str | None
    events: Sequence[str]
    method: str = "POST"
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None  # JSON value, or a string for non-JSON bodies
    username: str | None = None
    password: str | None = None
    description: str | None = None
    consumer: str | None = None
    consumer_label: str | None = None
    provider: str | None = None
    provider_label: str | None = None
    enabled: bool | None = None

    def to_json(self, *, with_pacticipants: bool = True) -> dict[str, Any]:
        request: dict[str, Any] = {"method": self.method}
        if self.url is not None:
            request["url"] = self.url
        if self.headers:
            request["headers"] = dict(self.headers)
        if self.body is not None:
            request["body"] = self.body
        if self.username is not None:
            request["username"] = self.username
        if self.password is not None:
            request["password"] = self.password
        out: dict[str, Any] = {"events": [{"name": e} for e in self.events], "request": request}
        if self.description:
            out["description"] = self.description
        if self.enabled is not None:
            out["enabled"] = self.enabled
        if with_pacticipants:
            for role, name, label in (
                ("consumer", self.consumer, self.consumer_label),
                ("provider", self.provider, self.provider_label),
            ):
                if name:
                    out[role] = {"name": name}
                elif label:
                    out[role] = {"label": label}
        return out


@dataclass(frozen=True, slots=True)
class WebhookResult:
    url: str | None
    description: str | None
    created: bool


def create_webhook(client: BrokerClient, webhook: Webhook) -> WebhookResult:
    """Create a webhook: for a consumer/provider pair by name on their own path, otherwise on `pb:webhooks`."""
    if webhook.consumer and webhook.provider:
        url = client.path("/webhooks/provider/{p}/consumer/{c}", p=webhook.provider, c=webhook.consumer)
        answer = client.call("POST", url, json=webhook.to_json(with_pacticipants=False))
    else:
        answer = client.call("POST", client.link("pb:webhooks"), json=webhook.to_json())
    return _result(answer.body, answer.status)


def put_webhook(client: BrokerClient, uuid: str, webhook: Webhook) -> WebhookResult:
    """Create or replace the webhook with this UUID (idempotent; `created` tells which happened)."""
    answer = client.call("PUT", client.link("pb:webhook", uuid=uuid), json=webhook.to_json())
    return _result(answer.body, answer.status)


def _result(body: object, status: int) -> WebhookResult:
    return WebhookResult(text_or_none(link_href(body, "self")), text_or_none(dig(body, "description")), status == 201)
