"""Errors the mock generates itself, as `application/problem+json` documents
shaped exactly like Prism's (same `type` URLs, titles and details), so clients
written against Prism keep working."""

from __future__ import annotations

from typing import Any

from apictl.mock.jsvalue import dumps
from apictl.mock.types import MockResponse, Violation

TYPE_BASE = "https://stoplight.io/prism/errors#"
PROBLEM_JSON = "application/problem+json"

# name -> (title, status), as in Prism's router and mocker error templates
TEMPLATES: dict[str, tuple[str, int]] = {
    "NO_PATH_MATCHED_ERROR": ("Route not resolved, no path matched", 404),
    "NO_METHOD_MATCHED_ERROR": ("Route resolved, but no method matched", 405),
    "UNPROCESSABLE_ENTITY": ("Invalid request", 422),
    "NOT_ACCEPTABLE": ("The server cannot produce a representation for your accept header", 406),
    "NOT_FOUND": ("The server cannot find the requested content", 404),
    "VIOLATIONS": ("Request/Response not valid", 500),
    "INVALID_CONTENT_TYPE": ("Invalid content type", 415),
    "NO_COMPLEX_OBJECT_TEXT": ("Cannot serialise complex objects as text", 500),
    "UNAUTHORIZED": ("Invalid security scheme used", 401),
    "PAYLOAD_TOO_LARGE": ("Request body too large", 413),
    "UNKNOWN": ("Unexpected error in the mock server", 500),
    "INJECTED_FAULT": ("Fault injected by apictl mock (--chaos)", 503),
    "PROXY_UNSUPPORTED_REQUEST_BODY": (
        "The Prism proxy does not support sending a GET/HEAD request with a message body to an upstream server. "
        "See: https://github.com/stoplightio/prism/issues/2259",
        501,
    ),
    "UPSTREAM_NOT_AVAILABLE": ("Upstream server not available", 502),
}

INVALID_REQUEST_DETAIL = (
    "Your request is not valid and no HTTP validation response was found in the spec, "
    "so Prism is generating this error for you."
)
UNAUTHORIZED_DETAIL = (
    "Your request does not fullfil the security requirements and no HTTP unauthorized response "
    "was found in the spec, so Prism is generating this error for you."
)
VIOLATIONS_DETAIL = (
    "Your request/response is not valid and the --errors flag is set, so Prism is generating this error for you."
)


def problem(name: str, detail: str, extra: dict[str, Any] | None = None, status: int | None = None) -> MockResponse:
    title, default_status = TEMPLATES[name]
    code = status if status is not None else default_status
    doc: dict[str, Any] = {"type": TYPE_BASE + name, "title": title, "status": code, "detail": detail}
    if extra:
        doc.update(extra)
    return MockResponse(code, [("content-type", PROBLEM_JSON)], dumps(doc))


def invalid_request(violations: list[Violation]) -> MockResponse:
    items = [v.as_problem_item(with_side=False) for v in violations]
    return problem("UNPROCESSABLE_ENTITY", INVALID_REQUEST_DETAIL, {"validation": items})


def unauthorized(www_authenticate: str) -> MockResponse:
    extra = {"headers": {"WWW-Authenticate": www_authenticate}} if www_authenticate else None
    resp = problem("UNAUTHORIZED", UNAUTHORIZED_DETAIL, extra)
    if www_authenticate:
        resp.headers.append(("www-authenticate", www_authenticate))
    return resp


def violations_error(violations: list[Violation]) -> MockResponse:
    items = [v.as_problem_item(with_side=True) for v in violations]
    return problem("VIOLATIONS", VIOLATIONS_DETAIL, {"validation": items})


def no_path(path: str) -> MockResponse:
    return problem("NO_PATH_MATCHED_ERROR", f"The route {path} hasn't been found in the specification file")


def no_method(path: str, method: str) -> MockResponse:
    detail = f'The route {path} has been matched, but it does not have "{method.lower()}" method defined'
    return problem("NO_METHOD_MATCHED_ERROR", detail)
