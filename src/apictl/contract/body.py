"""Bodies as Pact sees them: missing, null, empty, or present with a content type.

v1-v3 write a body as any JSON value (a string is the body's text — or JSON
text when the content type says JSON); v4 writes `{"contentType", "encoded",
"content"}` with `encoded` false, "base64" or "json". All become `Body`."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from typing import Any

from apictl.contract.located import Where
from apictl.core.pointer import join

MISSING, NULL, EMPTY, PRESENT = "missing", "null", "empty", "present"
_UNPARSED = object()

_XML_START = re.compile(r"^\s*<\?xml\s", re.I)
_HTML_START = re.compile(r"^\s*(<!DOCTYPE\s+html|<html[\s>])", re.I)


def base_type(content_type: str) -> str:
    """`application/json; charset=utf-8` -> `application/json`."""
    return content_type.split(";", 1)[0].strip().lower()


def is_json(content_type: str) -> bool:
    base = base_type(content_type)
    return base in ("application/json", "text/json") or base.endswith("+json") or base == "application/x-ndjson"


def is_xml(content_type: str) -> bool:
    base = base_type(content_type)
    return base in ("application/xml", "text/xml") or base.endswith("+xml")


def is_text(content_type: str) -> bool:
    base = base_type(content_type)
    return base.startswith("text/") or is_json(base) or is_xml(base) or base == "application/x-www-form-urlencoded"


def detect_content_type(text: str) -> str:
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            json.loads(stripped)
            return "application/json"
        except ValueError:
            pass
    if _XML_START.match(text):
        return "application/xml"
    if _HTML_START.match(text):
        return "text/html"
    return "text/plain"


@dataclass(slots=True)
class Body:
    state: str = MISSING  # MISSING | NULL | EMPTY | PRESENT
    raw: bytes = b""
    content_type: str = ""  # "" when unknown
    pointer: str = ""  # where the body is written in the pact file
    _json: Any = field(default=_UNPARSED, repr=False)

    @property
    def present(self) -> bool:
        return self.state == PRESENT

    def text(self) -> str:
        return self.raw.decode("utf-8", "replace")

    def json_value(self) -> Any:
        """The parsed JSON body; raises ValueError when it is not JSON."""
        if self._json is _UNPARSED:
            try:
                self._json = json.loads(self.raw.decode("utf-8"))
            except RecursionError:
                raise ValueError("the JSON nests too deeply") from None
        return self._json

    def display(self) -> str:
        if self.state != PRESENT:
            return self.state
        text = self.text()
        return text if len(text) <= 200 else text[:200] + "…"

    @classmethod
    def of_json(cls, value: Any, content_type: str = "application/json", pointer: str = "") -> Body:
        body = cls(PRESENT, json.dumps(value, ensure_ascii=False).encode(), content_type, pointer)
        body._json = value
        return body

    @classmethod
    def of_bytes(cls, raw: bytes, content_type: str = "") -> Body:
        if not raw:
            return cls(EMPTY, b"", content_type)
        if not content_type:
            content_type = detect_content_type(raw.decode("utf-8", "replace"))
        return cls(PRESENT, raw, content_type)


def parse_body(holder: dict[str, Any], field_name: str, header_type: str, v4: bool, where: Where, pointer: str) -> Body:
    """The body in `holder[field_name]`; `header_type` is the Content-Type
    header written beside it ("" when none)."""
    at = join(pointer, field_name)
    if field_name not in holder:
        return Body(MISSING, b"", header_type, at)
    value = holder[field_name]
    if value is None:
        return Body(NULL, b"", header_type, at)
    if v4 and isinstance(value, dict) and "content" in value:
        return _v4_body(value, header_type, where, at)
    return _legacy_body(value, header_type, at)


def _legacy_body(value: Any, header_type: str, at: str) -> Body:
    if isinstance(value, str):
        return _text_body(value, header_type, at)
    return Body.of_json(value, header_type or "application/json", at)


def _text_body(text: str, content_type: str, at: str) -> Body:
    """A body written as text: JSON text when the content type says JSON (or a
    JSON string when it does not parse), otherwise the text itself."""
    if text == "":
        return Body(EMPTY, b"", content_type, at)
    content_type = content_type or detect_content_type(text)
    if not is_json(content_type):
        return Body(PRESENT, text.encode(), content_type, at)
    try:
        parsed = json.loads(text)
    except ValueError:  # a JSON string body written as its text
        return Body.of_json(text, content_type, at)
    body = Body(PRESENT, text.encode(), content_type, at)
    body._json = parsed
    return body


def _v4_body(value: dict[str, Any], header_type: str, where: Where, at: str) -> Body:
    content = value["content"]
    content_at = join(at, "content")  # bodies point at what they hold
    declared = value.get("contentType")
    if declared is not None and not isinstance(declared, str):
        raise where.error(join(at, "contentType"), "'contentType' must be a string")
    content_type = declared or header_type
    encoded = value.get("encoded", False)
    if content is None:
        return Body(NULL, b"", content_type, content_at)
    if isinstance(encoded, str) and encoded.lower() == "base64" or encoded is True:
        if not isinstance(content, str):
            raise where.error(content_at, "base64-encoded content must be a string")
        try:
            raw = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            raise where.error(content_at, "content is not valid base64") from None
        return Body(PRESENT if raw else EMPTY, raw, content_type or "application/octet-stream", content_at)
    if isinstance(encoded, str) and encoded.lower() == "json" and isinstance(content, str):
        try:
            content = json.loads(content)
        except ValueError:
            raise where.error(content_at, "content is declared JSON-encoded but is not JSON") from None
    elif isinstance(content, str):
        return _text_body(content, content_type, content_at)
    return Body.of_json(content, content_type or "application/json", content_at)
