"""The broker's HTTP session: base URL, auth, HAL navigation, bounded retries, one-line errors.

Every broker operation goes through `BrokerClient.call`, so authentication, timeouts,
retries (idempotent methods only, on 502/503/504 and dropped connections) and error
wording live in one place. Links are followed the way the Pact Broker's own client
does: fetch the index (`GET /`), pick a relation, expand its `{template}`
variables (URL-encoded), and resolve relative hrefs against the broker's URL.

Credentials go with a request only when its URL has the broker URL's origin (scheme, host
and port): a link, pact URL or verification-results URL naming another host (or plain
http on the broker's host) is followed without them, so a hostile or misconfigured
answer cannot collect the token. Redirects to another origin drop them too (httpx).
Answers are read up to MAX_ANSWER_BYTES.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, quote_plus, urljoin

from apictl.contract.broker.errors import HINTS, BrokerError, describe_errors

if TYPE_CHECKING:
    import httpx

HAL = "application/hal+json"
HAL_OR_JSON = "application/hal+json, application/json"
JSON = "application/json"
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRY_STATUSES = frozenset({502, 503, 504})
_TEMPLATE = re.compile(r"\{(\w+)\}")
MAX_ANSWER_BYTES = 20 * 1024 * 1024
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> str:
    """`scheme://host[:port]` of an absolute URL (the port left out when it is the default)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    host = (parts.hostname or "").lower()
    host = f"[{host}]" if ":" in host else host
    shown = f":{port}" if port is not None and port != _DEFAULT_PORTS.get(scheme) else ""
    return f"{scheme}://{host}{shown}"


@dataclass(frozen=True, slots=True)
class BrokerAuth:
    """Bearer token or basic auth (never both)."""

    token: str | None = None
    username: str | None = None
    password: str | None = None

    @classmethod
    def from_env(cls, token: str | None = None, username: str | None = None, password: str | None = None) -> BrokerAuth:
        """Explicit values win; otherwise the Pact CLI's variables PACT_BROKER_TOKEN/_USERNAME/_PASSWORD."""
        token = token or os.environ.get("PACT_BROKER_TOKEN") or None
        username = username or os.environ.get("PACT_BROKER_USERNAME") or None
        password = password or os.environ.get("PACT_BROKER_PASSWORD") or None
        if token and username:
            raise BrokerError("give either a token or a username/password, not both")
        return cls(token, username, password)

    def headers(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.username:
            import base64

            pair = f"{self.username}:{self.password or ''}".encode()
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {}


@dataclass(slots=True)
class BrokerResponse:
    status: int
    url: str
    body: Any  # parsed JSON, or None for an empty/non-JSON body
    headers: Mapping[str, str] = field(default_factory=dict)
    text: str = ""


def query_string(pairs: Iterable[tuple[str, str]]) -> str:
    """`key=value&…` with Rails-style keys (`q[][pacticipant]`) kept readable, values encoded."""
    return "&".join(f"{key}={quote_plus(value, safe='')}" for key, value in pairs)


def expand(href: str, values: Mapping[str, str]) -> str:
    """Fill a HAL link template (`/pacticipants/{pacticipant}`); each value is URL-encoded."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise BrokerError(f"link {href!r} needs a value for {{{name}}}")
        return quote(values[name], safe="")

    return _TEMPLATE.sub(fill, href)


class BrokerClient:
    """A session with one Pact Broker (or PactFlow). Close it, or use it as a context manager."""

    def __init__(
        self,
        base_url: str,
        auth: BrokerAuth | None = None,
        *,
        timeout: float = 10.0,
        retries: int = 2,
        backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        import httpx

        if not re.match(r"^https?://[^/\s]+", base_url or ""):
            raise BrokerError(f"the broker URL must be http(s)://host[:port][/path], got {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.retries = max(0, retries)
        self.backoff = backoff
        self._sleep = sleep
        self._index: dict[str, Any] | None = None
        self._origin = origin(self.base_url)
        self._auth = (auth or BrokerAuth()).headers()  # per request, for the broker's origin only
        self._http = httpx.Client(
            headers={"User-Agent": "apictl"},
            timeout=httpx.Timeout(timeout),
            transport=transport,
            follow_redirects=True,
        )

    def __enter__(self) -> BrokerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # --- URLs -----------------------------------------------------------------------------------
    def url(self, path_or_href: str) -> str:
        """An absolute URL: hrefs from the broker are used as given, paths go under the base URL."""
        if re.match(r"^https?://", path_or_href):
            return path_or_href
        if path_or_href.startswith("/"):
            return self.base_url + path_or_href
        return urljoin(self.base_url + "/", path_or_href)

    def path(self, template: str, **values: str) -> str:
        """A broker path built from a template, e.g. `path("/pacticipants/{name}", name="Pricing Service")`."""
        return self.url(expand(template, values))

    def index(self, accept: str = HAL) -> dict[str, Any]:
        """The broker's index resource (cached for the session)."""
        if self._index is None:
            body = self.call("GET", "/", accept=accept).body
            self._index = body if isinstance(body, dict) else {}
        return self._index

    def link(self, relation: str, accept: str = HAL, **values: str) -> str:
        """The URL of an index relation, its template filled with `values`."""
        href = link_href(self.index(accept), relation)
        if href is None:
            raise BrokerError(
                f"the broker's index has no {relation!r} relation (is it a Pact Broker, and recent enough?)",
                method="GET",
                url=self.url("/"),
            )
        return self.url(expand(href, values))

    # --- requests -------------------------------------------------------------------------------
    def call(
        self,
        method: str,
        url: str,
        *,
        json: Any = None,
        query: Iterable[tuple[str, str]] = (),
        accept: str | None = HAL,
        content_type: str = JSON,
        ok: Iterable[int] = (),
        any_body: bool = False,
    ) -> BrokerResponse:
        """Send one request; 2xx and the statuses in `ok` are returned, anything else raises BrokerError,
        as does a 2xx answer that is not a JSON object (unless `any_body`: the caller parses it)."""
        import httpx
        import orjson

        target = self.url(url)
        qs = query_string(query)
        if qs:
            target += ("&" if "?" in target else "?") + qs
        headers: dict[str, str] = dict(self._auth) if origin(target) == self._origin else {}
        if accept:
            headers["Accept"] = accept
        content: bytes | None = None
        if json is not None:
            headers["Content-Type"] = content_type
            content = orjson.dumps(json)
        attempts = 1 + (self.retries if method in IDEMPOTENT else 0)
        for attempt in range(attempts):
            try:
                response, raw = self._send(method, target, content, headers)
            except httpx.TimeoutException:  # not retried: a hanging broker would multiply the wait
                raise BrokerError(
                    f"the broker did not answer within {self._http.timeout.read}s", method=method, url=target
                ) from None
            except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as exc:  # dropped connections
                if attempt + 1 < attempts:
                    self._sleep(self.backoff * 2**attempt)
                    continue
                raise BrokerError(f"the connection to the broker failed: {exc}", method=method, url=target) from None
            except httpx.HTTPError as exc:  # refused, unknown host: retrying will not help
                raise BrokerError(f"cannot reach the broker: {exc}", method=method, url=target) from None
            if response.status_code in RETRY_STATUSES and attempt + 1 < attempts:
                self._sleep(self.backoff * 2**attempt)
                continue
            break
        return self._answer(method, target, response, raw, set(ok), any_body)

    def _send(
        self, method: str, target: str, content: bytes | None, headers: dict[str, str]
    ) -> tuple[httpx.Response, bytes]:
        request = self._http.build_request(method, target, content=content, headers=headers)
        response = self._http.send(request, stream=True)
        try:
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_ANSWER_BYTES:
                    raise BrokerError(f"the answer is larger than {MAX_ANSWER_BYTES} bytes", method=method, url=target)
                chunks.append(chunk)
        finally:
            response.close()
        return response, b"".join(chunks)

    def _answer(
        self, method: str, target: str, response: httpx.Response, raw: bytes, ok: set[int], any_body: bool
    ) -> BrokerResponse:
        import orjson

        text = raw.decode(response.encoding or "utf-8", "replace")
        body: Any = None
        if text.strip():
            try:
                body = orjson.loads(text)
            except orjson.JSONDecodeError:
                body = None
        status = response.status_code
        # an empty answer to a write is fine (the broker's own contract has some); to a read it is not
        shaped = any_body or isinstance(body, dict) or status == 204 or not text.strip() and method != "GET"
        if 200 <= status < 300 and not shaped:
            # every broker resource is a JSON object: HTML (a proxy's login page), a list or nothing is not one
            shown = " ".join(text.split())[:80]
            raise BrokerError(
                f"HTTP {status} but the answer is not the broker's JSON: {shown!r} (is the URL a Pact Broker's?)",
                method=method,
                url=target,
                status=status,
            )
        if 200 <= status < 300 or status in ok:
            return BrokerResponse(status, str(response.url), body, dict(response.headers), text)
        said = describe_errors(body) or (" ".join(text.split())[:200] if body is None else "")
        hint = HINTS.get(status, "")
        message = f"HTTP {status}" + (f" ({hint})" if hint else "") + (f": {said}" if said else "")
        raise BrokerError(message, method=method, url=target, status=status)


def require(answer: BrokerResponse, *shapes: tuple[str, type]) -> Any:
    """The answer's body, when at least one `(member, type)` is there with its type
    (`require(answer, ("matrix", list), ("summary", dict))`); otherwise a BrokerError."""
    body = answer.body
    if isinstance(body, dict) and any(isinstance(body.get(key), kind) for key, kind in shapes):
        return body
    wanted = " or ".join(f"{key!r} {'list' if kind is list else 'object'}" for key, kind in shapes)
    raise BrokerError(f"the broker's answer has no {wanted} (is the URL a Pact Broker's?)", url=answer.url)


def link_href(resource: object, relation: str, name: str | None = None) -> str | None:
    """The href of `_links[relation]` (the entry called `name` when the relation is a list)."""
    if not isinstance(resource, dict):
        return None
    links = resource.get("_links")
    entry = links.get(relation) if isinstance(links, dict) else None
    if isinstance(entry, list):
        entry = next((e for e in entry if isinstance(e, dict) and (name is None or e.get("name") == name)), None)
    if isinstance(entry, dict) and isinstance(entry.get("href"), str):
        return str(entry["href"])
    return None


def link_list(resource: object, relation: str) -> list[dict[str, Any]]:
    """Every entry of `_links[relation]` (a single link reads as a list of one)."""
    links = resource.get("_links") if isinstance(resource, dict) else None
    entry = links.get(relation) if isinstance(links, dict) else None
    entries = entry if isinstance(entry, list) else [entry] if entry is not None else []
    return [e for e in entries if isinstance(e, dict)]


def dig(data: object, *keys: str) -> object:
    """`data[k1][k2]…`, or None as soon as a step is missing or not an object."""
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def dig_list(data: object, *keys: str) -> list[dict[str, Any]]:
    """The objects in the list at `data[k1][k2]…` (anything else reads as an empty list)."""
    found = dig(data, *keys)
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []
