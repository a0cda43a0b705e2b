"""Where pacts come from, the same for every command (`stub`, `check`, `verify`, `publish`):
files as given, folders as the `*.json` files directly inside them (sorted; sub-folders
are not searched — like the Pact verifier's `--dir` and the broker client's `publish`), and
http(s) URLs such as a broker's pact resource.

URLs are fetched with the broker client (`BrokerClient`), so its rules hold here too:
bounded time and size, and credentials only for the broker's own origin — a token or
password is sent to a pact URL only when its scheme, host and port are those of the
broker URL (`--broker-url` / PACT_BROKER_BASE_URL); any other URL is fetched without
credentials."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from apictl.core.errors import InputError
from apictl.core.loader import display_path

if TYPE_CHECKING:
    from apictl.contract.broker.http import BrokerAuth, BrokerClient
    from apictl.contract.pact import Pact

URL_PREFIXES = ("http://", "https://")
FETCH_TIMEOUT_S = 10.0  # per pact URL (size: the broker client's MAX_ANSWER_BYTES, 20 MB)


def is_url(given: str | Path) -> bool:
    return str(given).startswith(URL_PREFIXES)


def pact_paths(given: Sequence[str | Path]) -> list[Path]:
    """Files as given (reading a missing one says so), folders as their `*.json` files; no duplicates."""
    found: list[Path] = []
    for item in given:
        path = Path(item)
        if path.is_dir():
            inside = sorted(p for p in path.glob("*.json") if p.is_file())
            if not inside:
                message = "the folder holds no pact files (*.json; sub-folders are not searched)"
                raise InputError(message, uri=display_path(path))
            found.extend(inside)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def read_pact(path: Path, uri: str | None = None) -> Pact:
    """A pact file, loaded with located errors; a 0-byte file (a consumer run that failed while
    writing) gets its own message."""
    from apictl.contract.pact import load_pact

    if path.is_file() and path.stat().st_size == 0:
        raise InputError(
            "the pact file is empty (0 bytes: a consumer test that failed while writing it?)", uri=str(path)
        )
    return load_pact(path, uri or str(path))


def fetch_pact(client: BrokerClient, url: str) -> tuple[Pact, str]:
    """The pact at `url` and its text, through `client` (its auth rules, limits and errors)."""
    from apictl.contract.broker.errors import BrokerError
    from apictl.contract.pact import parse_pact
    from apictl.core.loader import parse_text

    try:
        answer = client.call("GET", url, accept="application/hal+json, application/json", any_body=True)
    except BrokerError as exc:
        if exc.status is None:
            raise InputError(f"cannot fetch the pact: {exc.reason}", uri=url) from None
        hint = ""
        if exc.status in (401, 403):
            hint = " (credentials are sent only to the broker URL's origin: check --broker-url and the token/user)"
        raise InputError(f"HTTP {exc.status} fetching the pact{hint}", uri=url) from None
    return parse_pact(parse_text(answer.text, url)), answer.text


def load_pacts(
    given: Sequence[str | Path], broker_url: str | None = None, auth: BrokerAuth | None = None
) -> list[Pact]:
    """Pacts from files, folders and URLs, in the order given."""
    out: list[Pact] = []
    clients: dict[str, BrokerClient] = {}
    try:
        for item in given:
            if is_url(item):
                out.append(fetch_pact(_client(clients, str(item), broker_url, auth), str(item))[0])
            else:
                out.extend(read_pact(p) for p in pact_paths([item]))
    finally:
        for client in clients.values():
            client.close()
    return out


def _client(
    clients: dict[str, BrokerClient], url: str, broker_url: str | None, auth: BrokerAuth | None
) -> BrokerClient:
    from apictl.contract.broker.http import BrokerClient, origin

    base = broker_url or origin(url)
    if base not in clients:
        # without a broker URL there is no origin the credentials belong to: send none
        clients[base] = BrokerClient(base, auth if broker_url else None, timeout=FETCH_TIMEOUT_S, retries=0)
    return clients[base]
