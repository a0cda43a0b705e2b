"""Serves interactions of a pact to an httpx client in-process (an `httpx.MockTransport`),
recording which interactions were matched and why other requests were not.

Requests are matched as a Pact mock server matches them (method, path, decoded query
parameters by name in order, expected headers present with equal values, JSON bodies
equal); the answer is the interaction's response with its example values. Every host
routes to the stub, as every host routes to a mock server that a client was pointed at."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote

import httpx


def _query(raw: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in parse_qsl(raw, keep_blank_values=True):
        out.setdefault(key, []).append(value)
    return out


def _header_values(value: str) -> list[str]:
    return [v.strip() for v in value.split(",")]


@dataclass
class PactStub:
    interactions: list[dict[str, Any]]
    matched: list[int] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def _problem(self, expected: dict[str, Any], request: httpx.Request) -> str | None:
        if expected["method"].upper() != request.method:
            return f"method {request.method} != {expected['method']}"
        if unquote(expected["path"]) != unquote(request.url.path):
            return f"path {request.url.path} != {expected['path']}"
        want_query = _query(expected.get("query") or "")
        got_query = _query(request.url.query.decode())
        if want_query != got_query:
            return f"query {got_query} != {want_query}"
        for name, value in (expected.get("headers") or {}).items():
            got = request.headers.get(name)
            if got is None or _header_values(got) != _header_values(value):
                return f"header {name}: {got!r} != {value!r}"
        if "body" in expected:
            try:
                body = json.loads(request.content) if request.content else None
            except ValueError:
                body = request.content.decode()
            if body != expected["body"]:
                return f"body {body!r} != {expected['body']!r}"
        return None

    def handle(self, request: httpx.Request) -> httpx.Response:
        problems = []
        for index, interaction in enumerate(self.interactions):
            problem = self._problem(interaction["request"], request)
            if problem is None:
                self.matched.append(index)
                response = interaction["response"]
                headers = dict(response.get("headers") or {})
                content = b""
                if "body" in response:
                    body = response["body"]
                    content = body.encode() if isinstance(body, str) else json.dumps(body).encode()
                return httpx.Response(response.get("status", 200), headers=headers, content=content)
            problems.append(f"[{interaction['description']}] {problem}")
        self.mismatches.append(f"{request.method} {request.url}: " + " | ".join(problems))
        return httpx.Response(500, json={"error": "no interaction matched"})
