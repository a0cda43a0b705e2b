"""Several contracts in one server, each mounted at its servers' base path
(`https://api.example.com/billing/v1` serves at `/billing/v1`). A request goes
to the contract with the longest base path it starts with; contracts without
a base path share the root and are tried in the order given (the first
whose paths match answers)."""

from __future__ import annotations

from collections.abc import Sequence

from apictl.mock.engine import MockEngine
from apictl.mock.types import MockRequest, MockResponse


class Mount:
    def __init__(self, engines: Sequence[MockEngine]) -> None:
        self.engines = list(engines)
        prefixed: list[tuple[str, MockEngine]] = []
        self.root: list[MockEngine] = []
        for engine in self.engines:
            bases = engine.router.base_paths
            if bases:
                prefixed.extend((b, engine) for b in bases)
            else:
                self.root.append(engine)
        self.prefixed = sorted(prefixed, key=lambda p: len(p[0]), reverse=True)

    def engine_for(self, path: str) -> MockEngine:
        for base, engine in self.prefixed:
            if path == base or path.startswith(base + "/"):
                return engine
        for engine in self.root + [e for e in self.engines if e not in self.root]:
            if engine.router.match(path) is not None:
                return engine
        return self.engines[0]  # answers 404, with the usual headers

    def handle(self, request: MockRequest) -> MockResponse:
        if len(self.engines) == 1:
            return self.engines[0].handle(request)
        return self.engine_for(request.path).handle(request)
