"""Pacticipants (applications), their versions, tags and branches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from apictl.contract.broker.http import HAL_OR_JSON, BrokerClient, dig, dig_list, link_href, text_or_none


@dataclass(frozen=True, slots=True)
class Pacticipant:
    name: str
    url: str = ""
    repository_url: str | None = None
    latest_version: str | None = None
    display_name: str | None = None


def _pacticipant(data: dict[str, Any], fallback_name: str = "") -> Pacticipant:
    return Pacticipant(
        name=str(data.get("name") or fallback_name),
        url=str(dig(data, "_links", "self", "href") or ""),
        repository_url=text_or_none(data.get("repositoryUrl")),
        latest_version=text_or_none(dig(data, "_embedded", "latest-version", "number")),
        display_name=text_or_none(data.get("displayName")),
    )


def get_pacticipant(client: BrokerClient, name: str, *, via_index: bool = False) -> Pacticipant | None:
    """The pacticipant called `name`, or None when the broker does not know it."""
    url = client.link("pb:pacticipant", pacticipant=name) if via_index else client.path("/pacticipants/{n}", n=name)
    answer = client.call("GET", url, accept="application/hal+json" if via_index else None, ok=(404,))
    if answer.status == 404:
        return None
    return _pacticipant(answer.body if isinstance(answer.body, dict) else {}, name)


def list_pacticipants(client: BrokerClient) -> list[Pacticipant]:
    body = client.call("GET", "/pacticipants", accept=None).body
    items = dig_list(body, "pacticipants") or dig_list(body, "_embedded", "pacticipants")
    return [_pacticipant(p) for p in items]


def create_or_update_pacticipant(
    client: BrokerClient, name: str, *, repository_url: str | None = None, display_name: str | None = None
) -> tuple[Pacticipant, bool]:
    """Create the pacticipant, or update its fields; returns it and whether it was created."""
    body: dict[str, Any] = {"name": name}
    if repository_url:
        body["repositoryUrl"] = repository_url
    if display_name:
        body["displayName"] = display_name
    existing = get_pacticipant(client, name, via_index=True)
    if existing is None:
        answer = client.call("POST", client.link("pb:pacticipants"), json=body).body
        created = True
    else:
        answer = client.call("PATCH", client.link("pb:pacticipant", pacticipant=name), json=body).body
        created = False
    return _pacticipant(answer if isinstance(answer, dict) else body, name), created


def register_repository_url(client: BrokerClient, name: str, repository_url: str) -> bool:
    """Set a pacticipant's repository URL (creating the pacticipant if needed); True when created."""
    answer = client.call(
        "PATCH", client.path("/pacticipants/{n}", n=name), json={"repository_url": repository_url}, accept=None
    )
    return answer.status == 201


def latest_version(client: BrokerClient, pacticipant: str, tag: str | None = None) -> str | None:
    """The number of the latest version of `pacticipant` (with `tag`), None when there is none."""
    if tag:
        url = client.link("pb:latest-tagged-version", accept=HAL_OR_JSON, pacticipant=pacticipant, tag=tag)
    else:
        url = client.link("pb:latest-version", accept=HAL_OR_JSON, pacticipant=pacticipant)
    return version_number(client, url)


def version_number(client: BrokerClient, url: str) -> str | None:
    answer = client.call("GET", url, accept=HAL_OR_JSON, ok=(404,))
    return None if answer.status == 404 else text_or_none(dig(answer.body, "number"))


def tag_version(client: BrokerClient, pacticipant: str, version: str, tag: str) -> tuple[str, bool]:
    """Tag a version (creating the pacticipant/version if needed); returns the tag URL and whether it is new."""
    url = client.path("/pacticipants/{p}/versions/{v}/tags/{t}", p=pacticipant, v=version, t=tag)
    answer = client.call("PUT", url, json={}, accept=None)
    return str(link_href(answer.body, "self") or url), answer.status == 201


def delete_branch(client: BrokerClient, pacticipant: str, branch: str, *, missing_ok: bool = False) -> bool:
    """Delete a pacticipant's branch (its versions stay); False when it did not exist and missing_ok."""
    url = client.link("pb:pacticipant-branch", pacticipant=pacticipant, branch=branch)
    answer = client.call("DELETE", url, accept=None, ok=(404,) if missing_ok else ())
    return answer.status != 404
