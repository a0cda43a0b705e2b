"""HTTP messages as the server sees them (`serve.messages.Request`/`Response`)
turned into the pact model and back, so the stub matches what arrived with the
same code that compares pact parts."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from apictl.contract.body import PRESENT, Body
from apictl.contract.pact import HttpRequest, HttpResponse, parse_query_string
from apictl.serve.messages import Request, Response


def request_from_wire(request: Request) -> HttpRequest:
    headers: dict[str, list[str]] = {}
    for name, value in request.headers:
        headers.setdefault(name, []).append(value)
    content_type = request.header("content-type") or ""
    return HttpRequest(
        method=request.method,
        path=request.path,  # as sent: the matcher compares it written and decoded
        query=parse_query_string(request.query) if request.query else None,
        headers=headers,
        body=Body.of_bytes(request.body, content_type),
        raw_query=request.query,
    )


def request_to_wire(request: HttpRequest) -> Request:
    """A pact request as a client would send it (used to replay examples)."""
    if request.raw_query is not None:
        query = request.raw_query
    else:
        pairs = [(k, v) for k, values in (request.query or {}).items() for v in values]
        query = "&".join(quote(k, safe="") if v is None else urlencode([(k, v)], quote_via=quote) for k, v in pairs)
    headers, body = _headers_and_body(request.headers, request.body)
    return Request(request.method, quote(request.path, safe="/:@!$&'()*+,;=-._~%"), query, headers, body)


def response_to_wire(response: HttpResponse) -> Response:
    """A pact response as a provider would send it (examples, no generators)."""
    headers, body = _headers_and_body(response.headers, response.body)
    return Response(response.status if response.status is not None else 200, headers, body)


def _headers_and_body(written: dict[str, list[str]] | None, body: Body) -> tuple[list[tuple[str, str]], bytes]:
    headers = [(name.lower(), value) for name, values in (written or {}).items() for value in values]
    raw = body.raw if body.state == PRESENT else b""
    if raw and body.content_type and not any(name == "content-type" for name, _ in headers):
        headers.append(("content-type", body.content_type))
    return headers, raw


def response_from_wire(response: Response) -> HttpResponse:
    headers: dict[str, list[str]] = {}
    for name, value in response.headers:
        headers.setdefault(name, []).append(value)
    return HttpResponse(
        status=response.status,
        headers=headers,
        body=Body.of_bytes(response.body, response.header("content-type") or ""),
    )
