"""The mock engine's inputs and outputs: plain values, no sockets.

`MockRequest` / `MockResponse` are the server's `Request` / `Response`
(`serve/messages.py`, shared with `apictl contract stub`), named here as the
mock code reads them. `MockOptions` holds the server's behaviour switches,
spelled after Prism's flags.
"""

from __future__ import annotations

from dataclasses import dataclass

from apictl.serve.messages import ERROR, WARNING, Violation
from apictl.serve.messages import Request as MockRequest
from apictl.serve.messages import Response as MockResponse

__all__ = ["ERROR", "WARNING", "MockOptions", "MockRequest", "MockResponse", "Violation"]


@dataclass(frozen=True, slots=True)
class MockOptions:
    dynamic: bool = False  # -d/--dynamic: bodies generated from schemas rather than examples
    errors: bool = False  # --errors: response violations become 500 problem documents
    cors: bool = True  # --cors/--cors=false
    seed: int | None = None  # --seed: deterministic dynamic data
    fill_properties: bool | None = None  # --json-schema-faker-fillProperties (None: the spec's or true)
    validate_request: bool = True
    stateful: bool = False  # --stateful: CRUD behaviour inferred from the contract
    max_body_bytes: int = 16 * 1024 * 1024  # larger request bodies get 413
