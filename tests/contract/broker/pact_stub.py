"""Serves chosen interactions of a pact with apictl's own stub engine (`contract.stub`),
in-process as an httpx transport (every host routes to it, as every host routes to a
stub a client was pointed at), recording which interaction answered each request and
every request that none matched (the stub's 500 with its mismatches)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from apictl.contract.pact import Pact, load_pact
from apictl.contract.stub import StubEngine
from apictl.serve.messages import Request


@dataclass
class PactStub:
    pact: Pact
    indexes: tuple[int, ...]
    matched: list[int] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path, indexes: tuple[int, ...]) -> PactStub:
        return cls(load_pact(path), indexes)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if not hasattr(self, "_engine"):
            chosen = [self.pact.interactions[i] for i in self.indexes]
            self._engine = StubEngine([dataclasses.replace(self.pact, interactions=chosen)])
            self._labels = {entry.label: self.indexes[n] for n, entry in enumerate(self._engine.entries)}
        path, _, query = request.url.raw_path.decode("ascii", "replace").partition("?")
        headers = [(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in request.headers.raw]
        answer = self._engine.handle(Request(request.method, path or "/", query, headers, request.read()))
        if answer.operation in self._labels:
            self.matched.append(self._labels[answer.operation])
        else:
            self.mismatches.append(f"{request.method} {request.url}: {answer.body.decode(errors='replace')[:3000]}")
        return httpx.Response(answer.status, headers=answer.headers, content=answer.body)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)
