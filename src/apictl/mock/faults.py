"""Latency and fault injection, for testing how consumers cope (`--delay`,
`--chaos`; one request can also ask for `Prefer: delay=MS`, see `engine.py`).

Rules are `VALUE` (every route) or `ROUTE=VALUE`, where ROUTE is an fnmatch
pattern matched against the operation (`GET /pets/{id}`), the request
(`GET /pets/42`) or the path alone (`/pets/*`); the last matching rule wins.

- delay: milliseconds, or a range `MIN-MAX` drawn uniformly;
- chaos: a rate between 0 and 1; a faulty request gets, with equal odds, a
  500, a 503 with `Retry-After`, or a 504 after a long wait (a timeout, by
  default 10 s).

Draws come from one random generator, seeded by `--seed` when given."""

from __future__ import annotations

import random
from dataclasses import dataclass
from fnmatch import fnmatchcase

from apictl.core.errors import ConfigError
from apictl.mock import problems
from apictl.mock.types import MockRequest, MockResponse

TIMEOUT_S = 10.0


@dataclass(frozen=True, slots=True)
class Rule:
    route: str | None  # None: every route
    low: float
    high: float


def _route_and_value(text: str) -> tuple[str | None, str]:
    route, eq, value = text.rpartition("=")
    return (route.strip() or None, value.strip()) if eq else (None, text.strip())


def _matches(pattern: str | None, request: MockRequest, operation: str) -> bool:
    if pattern is None:
        return True
    concrete = f"{request.method.upper()} {request.path}"
    return any(fnmatchcase(text, pattern) for text in (operation, concrete, request.path) if text)


class Faults:
    def __init__(self, delays: list[Rule], chaos: list[Rule], seed: int | None = None) -> None:
        self.delays = delays
        self.chaos = chaos
        self.rng = random.Random(seed)

    @classmethod
    def parse(cls, delays: list[str], chaos: list[str], seed: int | None = None) -> Faults:
        return cls([_delay_rule(d) for d in delays], [_chaos_rule(c) for c in chaos], seed)

    def _pick(self, rules: list[Rule], request: MockRequest, operation: str) -> Rule | None:
        found = None
        for rule in rules:
            if _matches(rule.route, request, operation):
                found = rule
        return found

    def apply(self, request: MockRequest, response: MockResponse) -> MockResponse:
        op = response.operation
        rule = self._pick(self.chaos, request, op)
        if rule is not None and self.rng.random() < rule.low:
            return self._fault(response)
        delay = self._pick(self.delays, request, op)
        if delay is not None:
            response.delay += self.rng.uniform(delay.low, delay.high) / 1000
        return response

    def _fault(self, response: MockResponse) -> MockResponse:
        kind = self.rng.randrange(3)
        if kind == 0:
            out = problems.problem("INJECTED_FAULT", "Injected internal server error", status=500)
        elif kind == 1:
            out = problems.problem("INJECTED_FAULT", "Injected unavailability", status=503)
            out.headers.append(("retry-after", "1"))
        else:
            out = problems.problem("INJECTED_FAULT", "Injected timeout", status=504)
            out.delay = TIMEOUT_S
        out.operation = response.operation
        out.headers.append(("x-apictl-fault", str(out.status)))
        return out


def _delay_rule(text: str) -> Rule:
    route, value = _route_and_value(text)
    low, sep, high = value.partition("-")
    try:
        lo = float(low)
        hi = float(high) if sep else lo
    except ValueError:
        raise ConfigError(f"--delay {text!r}: expected MS, MIN-MAX or ROUTE=MS") from None
    if lo < 0 or hi < lo:
        raise ConfigError(f"--delay {text!r}: the delay must be >= 0 and MIN <= MAX")
    return Rule(route, lo, hi)


def _chaos_rule(text: str) -> Rule:
    route, value = _route_and_value(text)
    try:
        rate = float(value)
    except ValueError:
        raise ConfigError(f"--chaos {text!r}: expected a rate between 0 and 1, or ROUTE=RATE") from None
    if not 0 <= rate <= 1:
        raise ConfigError(f"--chaos {text!r}: the rate must be between 0 and 1")
    return Rule(route, rate, rate)
