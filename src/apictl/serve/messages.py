"""What an HTTP server hands to an engine and gets back: plain values, no sockets.

`Request` is what arrived (method, raw path and query, headers, body bytes);
`Response` is what to send back, plus what the request log needs: what
answered (`operation`: the mock's operation, the stub's interaction) and the
contract violations found. Shared by `apictl mock` and `apictl contract stub`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR, WARNING = "Error", "Warning"


@dataclass(slots=True)
class Request:
    method: str  # as received; compared case-insensitively
    path: str  # raw, still percent-encoded, without the query
    query: str = ""  # raw query string, without "?"
    headers: list[tuple[str, str]] = field(default_factory=list)  # names in lower case
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """The first value of header `name` (lower case), None when absent."""
        for key, value in self.headers:
            if key == name:
                return value
        return None


@dataclass(slots=True)
class Violation:
    """One contract violation, shaped like Prism's (its `sl-violations` entries).

    `location` starts with the part of the message it concerns (`body`,
    `query`, `path`, `header`, `cookie`) without the request/response side,
    which is `side`. `message` is the validator's text ("must be > 100");
    `title` the sentence Prism puts in problem documents ("Request body property
    id must be > 100")."""

    side: str  # "request" | "response"
    location: tuple[str, ...]
    severity: str  # ERROR | WARNING
    code: str | int | None
    message: str
    title: str = ""

    def as_header_item(self) -> dict[str, object]:
        out: dict[str, object] = {"location": [self.side, *self.location], "severity": self.severity}
        if self.code is not None:
            out["code"] = self.code
        out["message"] = self.message
        return out

    def as_problem_item(self, with_side: bool) -> dict[str, object]:
        location = [self.side, *self.location] if with_side else list(self.location)
        out: dict[str, object] = {"location": location} if location else {}
        out["severity"] = self.severity
        if self.code is not None:
            out["code"] = self.code
        out["message"] = self.title or self.message
        return out


@dataclass(slots=True)
class Response:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    violations: list[Violation] = field(default_factory=list)
    operation: str = ""  # "GET /pets/{id}" when a route matched
    delay: float = 0.0  # seconds to wait before answering (latency injection)

    def header(self, name: str) -> str | None:
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return None
