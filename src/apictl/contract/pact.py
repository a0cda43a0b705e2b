"""Pact files (specification v1, v1.1, v2, v3, v4) read into one model.

`load_pact(path)` reads a file through the core loader, so every model object
keeps the JSON pointer of where it is written and diagnostics can name
`file:line:col` (`Pact.span(pointer)`). Differences between versions are
settled here: v1/v2 `providerState` and v3+ `providerStates` (with params)
become `states`; raw query strings (v1-v2) and maps of arrays (v3+) become
`query` (name -> values, in order); headers become name -> values as written;
bodies become `Body` (see body.py); matching rules and generators become
`MatchingRules` / `Generators` (see rules.py). v3 `messages` and v4
asynchronous / synchronous messages become `MessageInteraction` /
`SyncMessageInteraction`.

A file that cannot be read as a pact raises `PactError` (an `InputError`:
one located line, exit 2)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from apictl.contract.body import Body, parse_body
from apictl.contract.located import PactError, Where
from apictl.contract.rules import Generators, MatchingRules, parse_generators, parse_matching_rules
from apictl.core.diagnostic import Span
from apictl.core.document import Document
from apictl.core.pointer import join

SpecVersion = tuple[int, int]
KNOWN_VERSIONS: tuple[SpecVersion, ...] = ((1, 0), (1, 1), (2, 0), (3, 0), (4, 0))
_VERSION = re.compile(r"^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$")
HTTP, MESSAGE, SYNC_MESSAGE = "Synchronous/HTTP", "Asynchronous/Messages", "Synchronous/Messages"


def version_label(spec: SpecVersion) -> str:
    return f"{spec[0]}.{spec[1]}" if spec == (1, 1) else str(spec[0])


def parse_spec_version(text: str) -> SpecVersion | None:
    """'2.0.0' -> (2, 0), '1.1' -> (1, 1), 'V4' -> (4, 0); None when unknown."""
    match = _VERSION.match(text.strip().lower())
    if match is None:
        return None
    major, minor = int(match.group(1)), int(match.group(2) or 0)
    spec = (major, minor if major == 1 else 0)
    return spec if spec in KNOWN_VERSIONS and (major == 1 or minor == 0) else None


@dataclass(slots=True)
class ProviderState:
    name: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class HttpRequest:
    method: str = "GET"
    path: str = "/"
    query: dict[str, list[str | None]] | None = None  # None: no query written
    headers: dict[str, list[str]] | None = None  # names as written; None: no headers written
    body: Body = field(default_factory=Body)
    rules: MatchingRules = field(default_factory=MatchingRules)
    generators: Generators = field(default_factory=Generators)
    raw_query: str | None = None  # v1-v2: the query string as written
    pointer: str = ""
    spec: SpecVersion = (4, 0)  # v1.0 compares query strings as strings


@dataclass(slots=True)
class HttpResponse:
    status: int | None = 200  # None only in spec cases that leave it out
    headers: dict[str, list[str]] | None = None
    body: Body = field(default_factory=Body)
    rules: MatchingRules = field(default_factory=MatchingRules)
    generators: Generators = field(default_factory=Generators)
    pointer: str = ""


@dataclass(slots=True)
class Message:
    """A message's contents and metadata (v3 messages, v4 message parts)."""

    contents: Body = field(default_factory=Body)
    metadata: dict[str, Any] = field(default_factory=dict)
    rules: MatchingRules = field(default_factory=MatchingRules)
    generators: Generators = field(default_factory=Generators)
    pointer: str = ""


@dataclass(slots=True)
class InteractionBase:
    description: str
    states: list[ProviderState]
    pointer: str
    key: str = ""
    pending: bool = False

    @property
    def state_names(self) -> list[str]:
        return [s.name for s in self.states]


@dataclass(slots=True)
class HttpInteraction(InteractionBase):
    request: HttpRequest = field(default_factory=HttpRequest)
    response: HttpResponse = field(default_factory=HttpResponse)
    kind: str = HTTP


@dataclass(slots=True)
class MessageInteraction(InteractionBase):
    message: Message = field(default_factory=Message)
    kind: str = MESSAGE


@dataclass(slots=True)
class SyncMessageInteraction(InteractionBase):
    request: Message = field(default_factory=Message)
    responses: list[Message] = field(default_factory=list)
    kind: str = SYNC_MESSAGE


Interaction = HttpInteraction | MessageInteraction | SyncMessageInteraction


@dataclass(slots=True)
class Pact:
    consumer: str
    provider: str
    spec: SpecVersion
    interactions: list[Interaction]
    metadata: dict[str, Any]
    document: Document | None = None

    @property
    def uri(self) -> str:
        return self.document.uri if self.document is not None else ""

    @property
    def version(self) -> str:
        return version_label(self.spec)

    def http(self) -> list[HttpInteraction]:
        return [i for i in self.interactions if isinstance(i, HttpInteraction)]

    def messages(self) -> list[MessageInteraction]:
        return [i for i in self.interactions if isinstance(i, MessageInteraction)]

    def span(self, pointer: str) -> Span | None:
        return self.document.span(pointer) if self.document is not None else None


def load_pact(path: Path | str, uri: str | None = None) -> Pact:
    from apictl.core.loader import load_file

    document = load_file(Path(path), uri)
    return parse_pact(document)


def parse_pact(document: Document) -> Pact:
    where = Where(document)
    data = document.data
    if not isinstance(data, dict):
        raise where.error("", "a pact file must be a JSON object with consumer, provider and interactions")
    if document.syntax != "json":
        raise where.error("", "a pact file must be JSON")
    metadata = data.get("metadata", {})
    if not isinstance(metadata, dict):
        raise where.error("/metadata", "'metadata' must be an object")
    if "interactions" not in data and "messages" not in data:
        raise where.error("", "not a pact file: no 'interactions' (or 'messages') list")
    spec = _declared_version(metadata, where) or _inferred_version(data)
    consumer = _party(data, "consumer", where)
    provider = _party(data, "provider", where)
    reader = Reader(spec, where)
    interactions: list[Interaction] = []
    for name in ("interactions", "messages"):
        if name not in data:
            continue
        items = data[name]
        if not isinstance(items, list):
            raise where.error(f"/{name}", f"'{name}' must be a list")
        for i, raw in enumerate(items):
            at = f"/{name}/{i}"
            if name == "messages":
                interactions.append(reader.message_interaction(raw, at))
            else:
                interactions.append(reader.interaction(raw, at))
    return Pact(consumer, provider, spec, interactions, metadata, document)


def _declared_version(metadata: dict[str, Any], where: Where) -> SpecVersion | None:
    for key, inner, at in (
        ("pactSpecification", "version", "/metadata/pactSpecification/version"),
        ("pact-specification", "version", "/metadata/pact-specification/version"),
        ("pactSpecificationVersion", None, "/metadata/pactSpecificationVersion"),
    ):
        if key not in metadata:
            continue
        value = metadata[key]
        if inner is not None:
            if not isinstance(value, dict) or inner not in value:
                raise where.error(f"/metadata/{key}", f"'{key}' must be an object with a 'version'")
            value = value[inner]
        if not isinstance(value, str):
            raise where.error(at, f"the pact specification version must be a string, got {value!r}")
        spec = parse_spec_version(value)
        if spec is None:
            known = "1.0.0, 1.1.0, 2.0.0, 3.0.0, 4.0"
            raise where.error(at, f"unknown pact specification version {value!r} (known: {known})")
        return spec
    return None


def _inferred_version(data: dict[str, Any]) -> SpecVersion:
    """No version written: guess from the shape, as lenient readers do."""
    items = data.get("interactions")
    if isinstance(items, list) and any(isinstance(i, dict) and "type" in i for i in items):
        return (4, 0)
    if "messages" in data:
        return (3, 0)
    if isinstance(items, list) and any(isinstance(i, dict) and "providerStates" in i for i in items):
        return (3, 0)
    return (2, 0)


def _party(data: dict[str, Any], name: str, where: Where) -> str:
    party = data.get(name)
    if not isinstance(party, dict) or not isinstance(party.get("name"), str) or not party["name"]:
        raise where.error(f"/{name}" if name in data else "", f"the pact needs '{name}': {{\"name\": ...}}")
    return str(party["name"])


class Reader:
    """Reads the parts of a pact for one specification version. Public so that
    spec cases (bare requests, responses and messages) are read the same way."""

    def __init__(self, spec: SpecVersion, where: Where | None = None) -> None:
        self.spec = spec
        self.where = where or Where(None)
        self.v4 = spec >= (4, 0)

    # interactions -------------------------------------------------------
    def interaction(self, raw: Any, at: str) -> Interaction:
        obj = self._object(raw, at, "an interaction")
        kind = obj.get("type", HTTP) if self.v4 else HTTP
        if kind == MESSAGE or (not self.v4 and "contents" in obj and "request" not in obj):
            return self.message_interaction(obj, at)
        description, states, key, pending = self._common(obj, at)
        if kind == SYNC_MESSAGE:
            sent = self.message(obj.get("request", {}), join(at, "request"))
            responses_raw = obj.get("response", [])
            if not isinstance(responses_raw, list):
                responses_raw = [responses_raw]
            responses = [self.message(r, join(at, "response", i)) for i, r in enumerate(responses_raw)]
            return SyncMessageInteraction(description, states, at, key, pending, sent, responses)
        if kind != HTTP:
            known = f"{HTTP}, {MESSAGE}, {SYNC_MESSAGE}"
            raise self.where.error(join(at, "type"), f"unknown interaction type {kind!r} (known: {known})")
        if "request" not in obj:
            raise self.where.error(at, "the interaction has no 'request'")
        if "response" not in obj:
            raise self.where.error(at, "the interaction has no 'response'")
        request = self.request(obj["request"], join(at, "request"))
        response = self.response(obj["response"], join(at, "response"))
        return HttpInteraction(description, states, at, key, pending, request, response)

    def message_interaction(self, raw: Any, at: str) -> MessageInteraction:
        obj = self._object(raw, at, "a message")
        description, states, key, pending = self._common(obj, at)
        return MessageInteraction(description, states, at, key, pending, self.message(obj, at))

    def _common(self, obj: dict[str, Any], at: str) -> tuple[str, list[ProviderState], str, bool]:
        description = obj.get("description", "")
        if not isinstance(description, str):
            raise self.where.error(join(at, "description"), "'description' must be a string")
        key = obj.get("key", "")
        pending = obj.get("pending", False)
        return description, self._states(obj, at), key if isinstance(key, str) else "", pending is True

    def _states(self, obj: dict[str, Any], at: str) -> list[ProviderState]:
        states: list[ProviderState] = []
        for name in ("providerState", "provider_state"):
            if obj.get(name) is not None:
                value = obj[name]
                if not isinstance(value, str):
                    raise self.where.error(join(at, name), f"'{name}' must be a string")
                states.append(ProviderState(value))
        raw = obj.get("providerStates")
        if raw is None:
            return states
        if not isinstance(raw, list):
            raise self.where.error(join(at, "providerStates"), "'providerStates' must be a list")
        for i, item in enumerate(raw):
            item_at = join(at, "providerStates", i)
            if isinstance(item, str):
                states.append(ProviderState(item))
                continue
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise self.where.error(item_at, "a provider state must be an object with a 'name'")
            params = item.get("params") or {}
            if not isinstance(params, dict):
                raise self.where.error(join(item_at, "params"), "provider state 'params' must be an object")
            states.append(ProviderState(item["name"], params))
        return states

    # parts --------------------------------------------------------------
    def request(self, raw: Any, at: str) -> HttpRequest:
        obj = self._object(raw, at, "a request")
        method = obj.get("method", "GET")
        if not isinstance(method, str) or not method:
            raise self.where.error(join(at, "method"), "'method' must be a non-empty string")
        path = obj.get("path", "/")
        if not isinstance(path, str):
            raise self.where.error(join(at, "path"), "'path' must be a string")
        headers = self.headers(obj, at)
        query, raw_query = self.query(obj, at)
        header_type = _content_type(headers)
        return HttpRequest(
            method=method,
            path=path,
            query=query,
            headers=headers,
            body=parse_body(obj, "body", header_type, self.v4, self.where, at),
            rules=self._rules(obj, at),
            generators=parse_generators(obj.get("generators"), self.where, join(at, "generators")),
            raw_query=raw_query,
            pointer=at,
            spec=self.spec,
        )

    def response(self, raw: Any, at: str) -> HttpResponse:
        obj = self._object(raw, at, "a response")
        status = obj.get("status")
        if status is not None and (not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599):
            message = f"'status' must be an HTTP status code (100-599), got {status!r}"
            raise self.where.error(join(at, "status"), message)
        headers = self.headers(obj, at)
        return HttpResponse(
            status=status,
            headers=headers,
            body=parse_body(obj, "body", _content_type(headers), self.v4, self.where, at),
            rules=self._rules(obj, at),
            generators=parse_generators(obj.get("generators"), self.where, join(at, "generators")),
            pointer=at,
        )

    def message(self, raw: Any, at: str) -> Message:
        obj = self._object(raw, at, "a message")
        metadata: dict[str, Any] = {}
        for name in ("metadata", "metaData"):
            value = obj.get(name)
            if value is None:
                continue
            if not isinstance(value, dict):
                raise self.where.error(join(at, name), f"'{name}' must be an object")
            metadata.update(value)
        types = [v for k, v in metadata.items() if k.lower() in ("contenttype", "content-type") and isinstance(v, str)]
        header_type = types[0] if types else ""
        return Message(
            contents=parse_body(obj, "contents", header_type, self.v4, self.where, at),
            metadata=metadata,
            rules=self._rules(obj, at),
            generators=parse_generators(obj.get("generators"), self.where, join(at, "generators")),
            pointer=at,
        )

    def headers(self, obj: dict[str, Any], at: str) -> dict[str, list[str]] | None:
        raw = obj.get("headers")
        if raw is None:
            return None
        if not isinstance(raw, dict):
            raise self.where.error(join(at, "headers"), "'headers' must be an object")
        out: dict[str, list[str]] = {}
        for name, value in raw.items():
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                out[name] = list(value)
            elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
                out[name] = [str(value)]
            else:
                raise self.where.error(join(at, "headers", name), f"header {name!r} must be a string")
            problem = header_problem(name, out[name])
            if problem:
                raise self.where.error(join(at, "headers", name), problem)
        return out

    def query(self, obj: dict[str, Any], at: str) -> tuple[dict[str, list[str | None]] | None, str | None]:
        raw = obj.get("query")
        if raw is None:
            return None, None
        if isinstance(raw, str):
            return parse_query_string(raw), raw
        if not isinstance(raw, dict):
            raise self.where.error(join(at, "query"), "'query' must be a string or an object")
        out: dict[str, list[str | None]] = {}
        for name, value in raw.items():
            values = value if isinstance(value, list) else [value]
            if not all(v is None or isinstance(v, (str, int, float)) for v in values):
                raise self.where.error(join(at, "query", name), f"query parameter {name!r} must be strings")
            out[name] = [None if v is None else str(v) for v in values]
        return out, None

    def _rules(self, obj: dict[str, Any], at: str) -> MatchingRules:
        return parse_matching_rules(
            obj.get("matchingRules"), self.where, join(at, "matchingRules"), flat=self.spec < (3, 0)
        )

    def _object(self, raw: Any, at: str, what: str) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.where.error(at, f"{what} must be an object")
        return raw


def parse_query_string(text: str) -> dict[str, list[str | None]]:
    """`a=1&b=2&a=3` -> {"a": ["1", "3"], "b": ["2"]}; decoded; `a` alone -> [None]."""
    out: dict[str, list[str | None]] = {}
    for part in text.split("&"):
        if not part:
            continue
        name, eq, value = part.partition("=")
        out.setdefault(unquote_plus(name), []).append(unquote_plus(value) if eq else None)
    return out


_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")  # RFC 9110 field-name
_FOLD = re.compile(r"\r?\n[ \t]+")  # obs-fold (RFC 9112 5.2): a line break that continues the value
_BAD_VALUE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # controls other than tab (CR/LF would split the header)


def header_problem(name: str, values: list[str]) -> str | None:
    """Why a header cannot go on the wire as written (None when it can)."""
    if not _TOKEN.fullmatch(name):
        return f"header name {name!r} is not a valid HTTP header name"
    for value in values:
        if _BAD_VALUE.search(_FOLD.sub(" ", value)):
            return f"header {name!r} has a control character (CR, LF, ...) in its value {value!r}"
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            return f"header {name!r} has characters HTTP headers cannot carry (not Latin-1) in {value!r}"
    return None


def _content_type(headers: dict[str, list[str]] | None) -> str:
    if not headers:
        return ""
    for name, values in headers.items():
        if name.lower() == "content-type" and values:
            return values[0]
    return ""


__all__ = [
    "Body",
    "HttpInteraction",
    "HttpRequest",
    "HttpResponse",
    "Interaction",
    "Message",
    "MessageInteraction",
    "Pact",
    "PactError",
    "ProviderState",
    "Reader",
    "SyncMessageInteraction",
    "load_pact",
    "parse_pact",
    "parse_query_string",
]
