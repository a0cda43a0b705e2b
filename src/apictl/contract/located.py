"""Errors that point into the pact file they are about: `file:line:col: message`."""

from __future__ import annotations

from apictl.core.document import Document
from apictl.core.errors import InputError


class PactError(InputError):
    """A pact file that cannot be used (malformed, unknown version, bad rules)."""


class Where:
    """The file being read, so that errors name the node they are about."""

    def __init__(self, document: Document | None, uri: str = "") -> None:
        self.document = document
        self.uri = document.uri if document is not None else uri

    def error(self, pointer: str, message: str) -> PactError:
        if self.document is None:
            where = f" (at {pointer})" if pointer else ""
            return PactError(message + where, uri=self.uri or None)
        span = self.document.span(pointer)
        return PactError(message, uri=self.uri, line=span.line, col=span.col)
