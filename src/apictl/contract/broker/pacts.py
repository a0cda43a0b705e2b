"""Reading pacts from the broker: latest pacts, one pact, and pacts-for-verification (with
consumer version selectors, pending and WIP pacts), plus publishing verification results."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from apictl.contract.broker.errors import BrokerError
from apictl.contract.broker.http import (
    HAL_OR_JSON,
    BrokerClient,
    dig,
    dig_list,
    link_href,
    link_list,
    require,
    text_or_none,
)

# Pact's recommended default: what is on the consumers' main branches and what they run in production
DEFAULT_SELECTORS = ({"mainBranch": True}, {"deployedOrReleased": True})


@dataclass(frozen=True, slots=True)
class PactRef:
    consumer: str
    provider: str
    url: str
    consumer_version: str | None = None
    title: str | None = None


@dataclass(slots=True)
class FetchedPact:
    url: str
    content: dict[str, Any]
    consumer_version: str | None = None  # from X-Pact-Consumer-Version


@dataclass(slots=True)
class PactForVerification:
    url: str
    pending: bool = False
    wip: bool = False
    notices: list[str] = field(default_factory=list)
    short_description: str = ""


def latest_pacts(client: BrokerClient) -> list[PactRef]:
    """The latest pact of every consumer/provider pair (GET /pacts/latest)."""
    body = require(client.call("GET", "/pacts/latest", accept=None), ("pacts", list))
    refs = []
    for item in dig_list(body, "pacts"):
        selves = link_list(item, "self")
        refs.append(
            PactRef(
                consumer=str(dig(item, "_embedded", "consumer", "name") or ""),
                provider=str(dig(item, "_embedded", "provider", "name") or ""),
                url=str(selves[-1].get("href", "")) if selves else "",
                consumer_version=text_or_none(dig(item, "_embedded", "consumer", "_embedded", "version", "number")),
            )
        )
    return refs


def latest_pacts_for_provider(client: BrokerClient, provider: str, tag: str | None = None) -> list[PactRef]:
    """The latest pact (with `tag`) from each consumer of `provider`."""
    template = "/pacts/provider/{p}/latest/{t}" if tag else "/pacts/provider/{p}/latest"
    body = client.call("GET", client.path(template, p=provider, t=tag or ""), accept=None).body
    return [
        PactRef(
            consumer=str(e.get("name", "")), provider=provider, url=str(e["href"]), title=text_or_none(e.get("title"))
        )
        for e in link_list(body, "pb:pacts")
        if "href" in e
    ]


def get_pact(
    client: BrokerClient, provider: str, consumer: str, *, version: str | None = None, tag: str | None = None
) -> FetchedPact | None:
    """One pact: of a consumer version, the latest with a tag, or the latest; None when there is none."""
    if version:
        url = client.path("/pacts/provider/{p}/consumer/{c}/version/{v}", p=provider, c=consumer, v=version)
    elif tag:
        url = client.path("/pacts/provider/{p}/consumer/{c}/latest/{t}", p=provider, c=consumer, t=tag)
    else:
        url = client.path("/pacts/provider/{p}/consumer/{c}/latest", p=provider, c=consumer)
    answer = client.call("GET", url, accept=HAL_OR_JSON if tag else None, ok=(404,))
    if answer.status == 404:
        return None
    if not isinstance(answer.body, dict):
        raise BrokerError("the broker answered with something that is not a pact", method="GET", url=url)
    headers = {k.lower(): v for k, v in answer.headers.items()}
    return FetchedPact(url, answer.body, headers.get("x-pact-consumer-version") or version)


def pacts_for_verification(
    client: BrokerClient,
    provider: str,
    *,
    selectors: Sequence[dict[str, Any]] = (),
    provider_branch: str | None = None,
    provider_tags: Sequence[str] = (),
    include_pending: bool = False,
    include_wip_since: str | None = None,
) -> list[PactForVerification]:
    """POST to the provider's `pb:provider-pacts-for-verification` with consumer version selectors."""
    url = client.link("pb:provider-pacts-for-verification", provider=provider)
    body: dict[str, Any] = {"consumerVersionSelectors": list(selectors) or list(DEFAULT_SELECTORS)}
    if provider_branch:
        body["providerVersionBranch"] = provider_branch
    if provider_tags:
        body["providerVersionTags"] = list(provider_tags)
    body["includePendingStatus"] = include_pending
    if include_wip_since:
        body["includeWipPactsSince"] = include_wip_since
    answer = client.call("POST", url, json=body).body
    found = []
    for item in dig_list(answer, "_embedded", "pacts"):
        href = link_href(item, "self")
        if href is None:
            continue
        props = item.get("verificationProperties")
        props = props if isinstance(props, dict) else {}
        found.append(
            PactForVerification(
                url=client.url(href),
                pending=bool(props.get("pending")),
                wip=bool(props.get("wip")),
                notices=[str(n.get("text", "")) for n in props.get("notices", []) if isinstance(n, dict)],
                short_description=str(item.get("shortDescription") or link_list(item, "self")[0].get("name") or ""),
            )
        )
    return found


def publish_verification_result(
    client: BrokerClient,
    pact: dict[str, Any],
    *,
    provider: str,
    provider_version: str,
    success: bool,
    branch: str | None = None,
    tags: Sequence[str] = (),
    build_url: str | None = None,
    test_results: Sequence[dict[str, Any]] = (),
) -> str | None:
    """Record the provider version (branch, tags) and post the result to the pact's
    `pb:publish-verification-results` link; returns the result's URL."""
    href = link_href(pact, "pb:publish-verification-results")
    if href is None:
        raise BrokerError("the pact has no pb:publish-verification-results link (was it fetched from a broker?)")
    if branch:
        client.call(
            "PUT",
            client.path("/pacticipants/{p}/branches/{b}/versions/{v}", p=provider, b=branch, v=provider_version),
            json={},
        )
    for tag in tags:
        client.call(
            "PUT",
            client.path("/pacticipants/{p}/versions/{v}/tags/{t}", p=provider, v=provider_version, t=tag),
            json={},
        )
    body: dict[str, Any] = {"success": success, "providerApplicationVersion": provider_version}
    if build_url:
        body["buildUrl"] = build_url
    if test_results:
        body["testResults"] = list(test_results)
    body["verifiedBy"] = {"implementation": "apictl", "version": _version()}
    answer = client.call("POST", client.url(href), json=body).body
    return text_or_none(link_href(answer, "self"))


def _version() -> str:
    from apictl import __version__

    return __version__
