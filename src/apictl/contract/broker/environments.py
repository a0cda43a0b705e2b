"""Environments, and recording deployments and releases of pacticipant versions into them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from apictl.contract.broker.errors import BrokerError
from apictl.contract.broker.http import BrokerClient, dig, dig_list, link_href, link_list, text_or_none

MERGE_PATCH = "application/merge-patch+json"


@dataclass(frozen=True, slots=True)
class Environment:
    name: str
    uuid: str = ""
    display_name: str = ""
    production: bool = False
    url: str = ""  # the environment resource, when the broker linked it
    contacts: tuple[dict[str, Any], ...] = ()


@dataclass(slots=True)
class Deployment:
    url: str
    application_instance: str | None = None
    version: str | None = None
    currently_deployed: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _environment(data: dict[str, Any], url: str = "", client: BrokerClient | None = None) -> Environment:
    contacts = data.get("contacts")
    url = url or str(dig(data, "_links", "self", "href") or "")
    if not url and client is not None and data.get("uuid"):
        url = client.path("/environments/{uuid}", uuid=str(data["uuid"]))
    return Environment(
        name=str(data.get("name") or ""),
        uuid=str(data.get("uuid") or ""),
        display_name=str(data.get("displayName") or ""),
        production=bool(data.get("production")),
        url=url,
        contacts=tuple(c for c in contacts if isinstance(c, dict)) if isinstance(contacts, list) else (),
    )


def list_environments(client: BrokerClient) -> list[Environment]:
    """Every environment: embedded resources when the broker sends them, else the `pb:environments` links."""
    body = client.call("GET", client.link("pb:environments")).body
    if isinstance(dig(body, "_embedded", "environments"), list):
        return [_environment(e, client=client) for e in dig_list(body, "_embedded", "environments")]
    return [
        Environment(name=str(e.get("name", "")), url=client.url(str(e["href"])))
        for e in link_list(body, "pb:environments")
        if "href" in e
    ]


def find_environment(client: BrokerClient, name: str) -> Environment:
    for environment in list_environments(client):
        if environment.name == name:
            return environment
    raise BrokerError(f"no environment called {name!r} in the broker (create it with `apictl contract environment`)")


def create_environment(
    client: BrokerClient,
    name: str,
    *,
    display_name: str | None = None,
    production: bool = False,
    contacts: Sequence[dict[str, Any]] = (),
) -> Environment:
    body: dict[str, Any] = {"name": name, "production": production}
    if display_name:
        body["displayName"] = display_name
    if contacts:
        body["contacts"] = list(contacts)
    answer = client.call("POST", client.link("pb:environments"), json=body).body
    return _environment(answer if isinstance(answer, dict) else body)


def environment_links(client: BrokerClient, pacticipant: str, version: str, relation: str) -> dict[str, str]:
    """name -> href of the environments a version may be deployed/released to (`pb:record-deployment`…)."""
    url = client.link("pb:pacticipant-version", pacticipant=pacticipant, version=version)
    body = client.call("GET", url).body
    return {str(e.get("name")): client.url(str(e["href"])) for e in link_list(body, relation) if "href" in e}


def _target(client: BrokerClient, pacticipant: str, version: str, environment: str, relation: str) -> str:
    links = environment_links(client, pacticipant, version, relation)
    if environment in links:
        return links[environment]
    known = {e.name for e in list_environments(client)}
    action = "deployment" if relation == "pb:record-deployment" else "release"
    if environment not in known:
        raise BrokerError(f"no environment called {environment!r} in the broker (known: {', '.join(sorted(known))})")
    raise BrokerError(
        f"{environment!r} is not available for recording a {action} of {pacticipant} {version} "
        f"(available: {', '.join(sorted(links)) or 'none'})"
    )


def record_deployment(
    client: BrokerClient, pacticipant: str, version: str, environment: str, application_instance: str | None = None
) -> dict[str, Any]:
    """Record that `version` now runs in `environment` (replacing the previous version of that instance)."""
    url = _target(client, pacticipant, version, environment, "pb:record-deployment")
    body = {"applicationInstance": application_instance, "target": application_instance} if application_instance else {}
    answer = client.call("POST", url, json=body).body
    return answer if isinstance(answer, dict) else {}


def record_release(client: BrokerClient, pacticipant: str, version: str, environment: str) -> dict[str, Any]:
    """Record that `version` was released to `environment` (several releases can be supported at once)."""
    url = _target(client, pacticipant, version, environment, "pb:record-release")
    answer = client.call("POST", url, json={}).body
    return answer if isinstance(answer, dict) else {}


def currently_deployed(
    client: BrokerClient, environment_url: str, pacticipant: str, application_instance: str | None = None
) -> list[Deployment]:
    """The versions of `pacticipant` currently deployed to the environment at `environment_url`."""
    body = client.call("GET", environment_url).body
    href = link_href(body, "pb:currently-deployed-deployed-versions")
    if href is None:
        raise BrokerError("the environment resource has no currently-deployed link", method="GET", url=environment_url)
    listed = client.call("GET", href, query=[("pacticipant", pacticipant)]).body
    found = []
    for item in dig_list(listed, "_embedded", "deployedVersions"):
        instance = item.get("applicationInstance")
        if application_instance is not None and instance != application_instance:
            continue
        found.append(
            Deployment(
                url=client.url(str(dig(item, "_links", "self", "href") or "")),
                application_instance=None if instance is None else str(instance),
                version=text_or_none(dig(item, "_embedded", "version", "number")),
                currently_deployed=True,
            )
        )
    return found


def record_undeployment(
    client: BrokerClient, environment_url: str, pacticipant: str, application_instance: str | None = None
) -> list[Deployment]:
    """Mark the matching deployments as no longer deployed; an unknown deployment is an error."""
    deployments = currently_deployed(client, environment_url, pacticipant, application_instance)
    if not deployments:
        instance = f" (instance {application_instance!r})" if application_instance else ""
        raise BrokerError(f"{pacticipant}{instance} is not currently deployed there", url=environment_url)
    done = []
    for deployment in deployments:
        answer = client.call(
            "PATCH", deployment.url, json={"currentlyDeployed": False}, content_type=MERGE_PATCH, accept=None
        ).body
        deployment.currently_deployed = bool(dig(answer, "currentlyDeployed"))
        deployment.version = text_or_none(dig(answer, "_embedded", "version", "number")) or deployment.version
        done.append(deployment)
    return done
