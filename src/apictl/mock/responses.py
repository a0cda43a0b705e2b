"""Which of an operation's responses answers, as Prism chooses:

- a requested code: that exact code, else its range (`4XX`), else `default`
  (answering with the requested code), else 404;
- no request: the lowest 2xx, else `2XX` (as 200), else `default` (as 200),
  else the first response written (a range as its x00);
- an invalid request: 422 or 400 (401 when security failed), exact or range,
  else `default` with that code, else a generated problem document."""

from __future__ import annotations

from collections.abc import Sequence

from apictl.mock.model import Response


def status_of(code: str, fallback: int = 200) -> int:
    c = code.upper()
    if c.isdigit():
        return int(c)
    if len(c) == 3 and c[0].isdigit() and c[1:] == "XX":
        return int(c[0]) * 100
    return fallback


def by_code(responses: Sequence[Response], code: int) -> Response | None:
    text = str(code)
    for r in responses:
        if r.code == text:
            return r
    wanted = text[0] + "XX"
    for r in responses:
        if r.code.upper() == wanted:
            return r
    return None


def default(responses: Sequence[Response]) -> Response | None:
    for r in responses:
        if r.code.lower() == "default":
            return r
    return None


def for_code(responses: Sequence[Response], code: int) -> Response | None:
    return by_code(responses, code) or default(responses)


def for_success(responses: Sequence[Response]) -> tuple[Response, int] | None:
    exact = sorted((int(r.code), r) for r in responses if r.code.isdigit() and r.code.startswith("2"))
    if exact:
        return exact[0][1], exact[0][0]
    for r in responses:
        if r.code.upper() == "2XX":
            return r, 200
    d = default(responses)
    if d is not None:
        return d, 200
    if responses:
        first = responses[0]
        return first, status_of(first.code)
    return None


def for_invalid(responses: Sequence[Response], codes: Sequence[int]) -> tuple[Response, int] | None:
    for code in codes:
        r = by_code(responses, code)
        if r is not None:
            return r, code
    d = default(responses)
    return (d, codes[0]) if d is not None else None
