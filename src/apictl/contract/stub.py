"""`StubEngine.handle(Request) -> Response`: pacts served as a stub provider.

Pure and socket-free (the shared server in `serve/` puts it on a port). Each
request is compared with the request of every HTTP interaction (Pact matching
rules, see matching/); the response of the interaction it matches is sent,
generators applied. When several interactions match — the same request in
different provider states — the one for the state named in the
`X-Pact-Provider-State` header or the `pact-provider-state` query parameter
(removed before matching; both names configurable) is chosen, or the one
whose description is in `X-Pact-Interaction`; otherwise one that needs no
provider state, then the most specific one (more expected headers, query
parameters and body, fewer rules), then the first in file order. A request nothing matches gets 500 with
a JSON body listing the closest interactions and their mismatches, as Pact's
mock server does."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import unquote, unquote_plus

from apictl.contract.body import PRESENT, is_json
from apictl.contract.generators import GenerationContext, GeneratorError, apply_generators
from apictl.contract.matching import Mismatch, match_request
from apictl.contract.matching.http import match_path
from apictl.contract.pact import HttpInteraction, HttpRequest, Pact
from apictl.contract.wire import request_from_wire
from apictl.serve.messages import ERROR, Request, Response, Violation

CORS_HEADERS = [
    ("access-control-allow-origin", "*"),
    ("access-control-allow-methods", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"),
    ("access-control-allow-headers", "*"),
    ("access-control-expose-headers", "*"),
]
CLOSEST = 3  # interactions shown in a mismatch report
FRAMING_HEADERS = {"content-length", "transfer-encoding", "connection"}  # the server writes its own


@dataclass(frozen=True, slots=True)
class StubOptions:
    state_pattern: str | None = None  # serve only interactions whose provider state matches (regex search)
    empty_state: bool = False  # with state_pattern: also interactions without a state
    state_header: str = "x-pact-provider-state"
    state_param: str = "pact-provider-state"  # or this query parameter (removed before matching)
    interaction_header: str = "x-pact-interaction"
    consumers: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()
    cors: bool = False
    seed: int | None = None


@dataclass(slots=True)
class Entry:
    """One HTTP interaction the stub serves, with the pact it comes from."""

    pact: Pact
    interaction: HttpInteraction
    order: int
    specificity: tuple[int, int] = (0, 0)

    @property
    def label(self) -> str:
        states = ", ".join(self.interaction.state_names)
        given = f" (given {states})" if states else ""
        return f"{self.pact.consumer} -> {self.pact.provider}: {self.interaction.description}{given}"


@dataclass(slots=True)
class StubEngine:
    pacts: list[Pact]
    options: StubOptions = field(default_factory=StubOptions)
    entries: list[Entry] = field(init=False)
    rng: random.Random = field(init=False)
    _by_path: dict[tuple[str, str], list[Entry]] | None = field(init=False, default=None)
    _by_rule: dict[str, list[Entry]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.options.seed)
        self.entries = []
        pattern = re.compile(self.options.state_pattern) if self.options.state_pattern else None
        for pact in self.pacts:
            if self.options.consumers and pact.consumer not in self.options.consumers:
                continue
            if self.options.providers and pact.provider not in self.options.providers:
                continue
            for interaction in pact.http():
                if pattern is not None and not _state_selected(interaction, pattern, self.options.empty_state):
                    continue
                entry = Entry(pact, interaction, len(self.entries), _specificity(interaction.request))
                self.entries.append(entry)

    def handle(self, request: Request) -> Response:
        if (
            self.options.cors
            and request.method.upper() == "OPTIONS"
            and request.header("access-control-request-method")
        ):
            return Response(204, list(CORS_HEADERS), b"", operation="CORS preflight")
        response = self._answer(request)
        if self.options.cors:
            response.headers.extend(CORS_HEADERS)
        return response

    def _answer(self, request: Request) -> Response:
        wanted_state = request.header(self.options.state_header.lower())
        if self.options.state_param and self.options.state_param in request.query:
            request, from_param = _without_param(request, self.options.state_param)
            wanted_state = wanted_state if wanted_state is not None else from_param
        actual = request_from_wire(request)
        candidates = self._candidates(actual.method.upper(), actual.path)
        matching = [e for e in candidates if not match_request(e.interaction.request, actual)]
        if wanted_state is not None:
            in_state = [e for e in matching if wanted_state in e.interaction.state_names]
            if not in_state and matching:
                return self._wrong_state(request, wanted_state, matching)
            matching = in_state
        wanted_description = request.header(self.options.interaction_header.lower())
        if wanted_description is not None:
            matching = [e for e in matching if e.interaction.description == wanted_description]
        if not matching:
            results = [(entry, match_request(entry.interaction.request, actual)) for entry in self.entries]
            return self._no_match(request, results)
        # without a state asked for, an interaction that needs none is the default
        best = max(matching, key=lambda e: (wanted_state is None and not e.interaction.states, e.specificity, -e.order))
        return self._respond(best, request)

    def _candidates(self, method: str, path: str) -> list[Entry]:
        """Entries for this method and path (most interactions are other endpoints):
        looked up by decoded path, plus those whose path is a rule; in file order."""
        if self._by_path is None:
            self._by_path, self._by_rule = {}, {}
            for e in self.entries:
                request = e.interaction.request
                key = request.method.upper()
                if request.rules.get("path"):
                    self._by_rule.setdefault(key, []).append(e)
                else:
                    self._by_path.setdefault((key, unquote(request.path)), []).append(e)
        exact = self._by_path.get((method, unquote(path)), [])
        ruled = [e for e in self._by_rule.get(method, []) if not match_path(e.interaction.request, path)]
        return sorted(exact + ruled, key=lambda e: e.order) if ruled else exact

    def _respond(self, entry: Entry, request: Request) -> Response:
        expected = entry.interaction.response
        headers = [
            (name, value)
            for name, values in (expected.headers or {}).items()
            if name.lower() not in FRAMING_HEADERS
            for value in values
        ]
        body = expected.body
        content_type = body.content_type if body.state == PRESENT else ""
        if content_type and not any(name.lower() == "content-type" for name, _ in headers):
            headers.append(("Content-Type", content_type))
        raw = body.raw if body.state == PRESENT else b""
        status = expected.status if expected.status is not None else 200
        if expected.generators:
            params: dict[str, Any] = {}
            for state in entry.interaction.states:
                params.update(state.params)
            ctx = GenerationContext(params, _base_url(request), self.rng)
            document = body.json_value() if body.state == PRESENT and is_json(content_type) else None
            try:
                status, headers, document = apply_generators(status, headers, _copy(document), expected.generators, ctx)
            except GeneratorError as exc:
                return _error(500, f"generator failed for '{entry.label}': {exc}", {"interaction": entry.label})
            if document is not None:
                raw = json.dumps(document, ensure_ascii=False).encode()
        return Response(status, headers, raw, operation=entry.label)

    def _no_match(self, request: Request, results: list[tuple[Entry, list[Mismatch]]]) -> Response:
        closest = sorted(results, key=lambda r: (_distance(r[1]), r[0].order))[:CLOSEST]
        target = request.path + ("?" + request.query if request.query else "")
        detail = {
            "request": {"method": request.method, "path": request.path, "query": request.query},
            "closest": [
                {
                    "interaction": entry.interaction.description,
                    "consumer": entry.pact.consumer,
                    "provider": entry.pact.provider,
                    "providerStates": entry.interaction.state_names,
                    "mismatches": [m.as_json() for m in mismatches],
                }
                for entry, mismatches in closest
            ],
        }
        response = _error(500, f"No interaction matched {request.method} {target}", detail)
        if closest:
            response.violations = [
                Violation("request", (m.kind, m.path) if m.path else (m.kind,), ERROR, None, m.message)
                for m in closest[0][1]
            ]
        return response

    def _wrong_state(self, request: Request, state: str, matching: list[Entry]) -> Response:
        available = sorted({s for e in matching for s in e.interaction.state_names} - {""})
        detail = {
            "request": {"method": request.method, "path": request.path, "query": request.query},
            "providerState": state,
            "statesThatMatch": available,
        }
        message = f"No interaction for provider state '{state}' matched {request.method} {request.path}"
        return _error(500, message, detail)


def _without_param(request: Request, name: str) -> tuple[Request, str | None]:
    """The request without query parameter `name`, and that parameter's value."""
    kept, value = [], None
    for part in request.query.split("&"):
        key, _, raw = part.partition("=")
        if unquote_plus(key) == name:
            value = unquote_plus(raw)
        else:
            kept.append(part)
    return replace(request, query="&".join(kept)), value


def _state_selected(interaction: HttpInteraction, pattern: re.Pattern[str], empty: bool) -> bool:
    if not interaction.states:
        return empty
    return any(pattern.search(name) for name in interaction.state_names)


def _specificity(request: HttpRequest) -> tuple[int, int]:
    """More expectations first; among equals, fewer rules (more exact)."""
    count = len(request.query or {}) + len(request.headers or {}) + (1 if request.body.state == PRESENT else 0)
    rules = sum(len(entries) for entries in request.rules.categories.values())
    return count, -rules


def _distance(mismatches: list[Mismatch]) -> tuple[int, int]:
    """Method and path mismatches weigh most: they say 'another endpoint'."""
    heavy = sum(1 for m in mismatches if m.kind in ("method", "path"))
    return heavy, len(mismatches)


def _base_url(request: Request) -> str:
    host = request.header("host") or "localhost"
    scheme = request.header("x-forwarded-proto") or "http"
    return f"{scheme}://{host}"


def _copy(document: Any) -> Any:
    return json.loads(json.dumps(document)) if document is not None else None


def _error(status: int, message: str, detail: dict[str, Any]) -> Response:
    body = json.dumps({"error": message, **detail}, indent=2, ensure_ascii=False).encode()
    return Response(status, [("content-type", "application/json"), ("x-pact-stub", "mismatch")], body)
