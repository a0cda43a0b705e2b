"""The mock's ASGI app: the shared adapter (`serve/asgi.py`) with the errors it
makes itself worded as Prism's problem documents."""

from __future__ import annotations

from apictl.mock import problems
from apictl.mock.types import MockResponse
from apictl.serve.asgi import AsgiApp, ErrorResponses, RequestRecord

__all__ = ["MockApp", "RequestRecord"]


class _ProblemErrors(ErrorResponses):
    def too_large(self, limit: int) -> MockResponse:
        return problems.problem("PAYLOAD_TOO_LARGE", f"Request bodies are limited to {limit} bytes")

    def failed(self, error: str) -> MockResponse:
        return problems.problem("UNKNOWN", error)


class MockApp(AsgiApp):
    errors = _ProblemErrors()
