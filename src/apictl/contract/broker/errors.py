"""Broker errors: one line naming the request that failed and what the broker said."""

from __future__ import annotations

from apictl.core.errors import ApictlError

HINTS = {
    401: "authentication failed: check --broker-token / PACT_BROKER_TOKEN or --broker-username/--broker-password",
    403: "not allowed: the credentials lack the permission for this request",
    404: "not found",
    409: "conflict: the broker already holds different content for this version (publish with a new version)",
}


class BrokerError(ApictlError):
    """A broker request failed (HTTP error, unreachable broker, unexpected answer)."""

    def __init__(self, message: str, *, method: str = "", url: str = "", status: int | None = None) -> None:
        where = f"{method} {url}".strip()
        super().__init__(f"{where}: {message}" if where else message, uri="broker")
        self.reason = message  # without the request
        self.status = status
        self.method = method
        self.url = url


def describe_errors(body: object) -> str:
    """The broker's own words from an error body: `{"errors": [...]}`, `{"errors": {"field": [...]}}`,
    `{"error": {"message": ...}}` or `{"title"/"detail"}` (problem+json)."""
    if not isinstance(body, dict):
        return ""
    errors = body.get("errors")
    parts: list[str] = []
    if isinstance(errors, list):
        parts = [str(e) for e in errors]
    elif isinstance(errors, dict):
        for field, messages in errors.items():
            listed = messages if isinstance(messages, list) else [messages]
            parts.extend(f"{field}: {m}" for m in listed)
    error = body.get("error")
    if isinstance(error, dict) and error.get("message"):
        parts.append(str(error["message"]))
    elif isinstance(error, str):
        parts.append(error)
    if not parts and body.get("detail"):
        parts.append(str(body["detail"]))
    if not parts and body.get("title"):
        parts.append(str(body["title"]))
    return "; ".join(" ".join(p.split()) for p in parts)
