"""Request bodies parsed by media type: JSON, `application/x-www-form-urlencoded`
(values decoded, and kept as sent for the `allowReserved` check), multipart
form data (a small, bounded parser), and text. Never raises: what cannot be
parsed is kept as text and left to schema validation to reject."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote_plus

import orjson

from apictl.mock.negotiate import essence, is_json

MAX_PARTS = 1000


@dataclass(slots=True)
class ParsedBody:
    value: Any  # what the schema sees
    form: bool = False  # form fields (strings to coerce), not JSON
    raw_fields: dict[str, str] = field(default_factory=dict)  # form fields as sent (still encoded)


def parse(body: bytes, content_type: str | None) -> ParsedBody:
    mt = essence(content_type or "")
    if mt == "application/x-www-form-urlencoded":
        return _urlencoded(body)
    if mt.startswith("multipart/"):
        return _multipart(body, content_type or "")
    text = body.decode("utf-8", "replace")
    if is_json(mt) or not mt:
        try:
            return ParsedBody(orjson.loads(body))
        except orjson.JSONDecodeError:
            return ParsedBody(text)
    return ParsedBody(text)


def _add(out: dict[str, Any], key: str, value: str) -> None:
    if key in out:
        prev = out[key]
        out[key] = [*prev, value] if isinstance(prev, list) else [prev, value]
    else:
        out[key] = value


def _urlencoded(body: bytes) -> ParsedBody:
    text = body.decode("utf-8", "replace")
    values: dict[str, Any] = {}
    raw: dict[str, str] = {}
    for pair in text.split("&")[:MAX_PARTS]:
        if not pair:
            continue
        key, _, value = pair.partition("=")
        name = unquote_plus(key, errors="replace")
        raw.setdefault(name, value)
        _add(values, name, unquote_plus(value, errors="replace"))
    return ParsedBody(values, True, raw)


def _boundary(content_type: str) -> bytes | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "boundary" and value:
            return value.strip().strip('"').encode("latin-1", "replace")
    return None


def _multipart(body: bytes, content_type: str) -> ParsedBody:
    boundary = _boundary(content_type)
    values: dict[str, Any] = {}
    raw: dict[str, str] = {}
    if not boundary:
        return ParsedBody(values, True, raw)
    delimiter = b"--" + boundary
    for chunk in body.split(delimiter)[1 : MAX_PARTS + 1]:
        if chunk.startswith(b"--"):
            break
        chunk = chunk[2:] if chunk.startswith(b"\r\n") else chunk.lstrip(b"\n")
        head, sep, content = chunk.partition(b"\r\n\r\n")
        if not sep:
            head, sep, content = chunk.partition(b"\n\n")
        if content.endswith(b"\r\n"):
            content = content[:-2]
        elif content.endswith(b"\n"):
            content = content[:-1]
        name = _disposition_name(head.decode("utf-8", "replace"))
        if name is None:
            continue
        text = content.decode("utf-8", "replace")
        raw.setdefault(name, text)
        _add(values, name, text)
    return ParsedBody(values, True, raw)


def _disposition_name(head: str) -> str | None:
    for line in head.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() != "content-disposition":
            continue
        for param in value.split(";")[1:]:
            pk, _, pv = param.strip().partition("=")
            if pk.strip().lower() == "name":
                return pv.strip().strip('"')
    return None
