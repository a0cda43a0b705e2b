"""Response values written as bytes of their media type, as Prism writes them:
JSON for JSON types, XML for XML types (an object becomes `<xml>…</xml>`
unless its schema names the element), plain text for `text/*` (objects
cannot be text: Prism answers 500 NO_COMPLEX_OBJECT_TEXT), and for anything
else the string itself or its JSON."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from apictl.mock.jsvalue import dumps, js_string
from apictl.mock.negotiate import is_json, is_text, is_xml


class NotText(ValueError):
    """A structured value was asked for as text."""


def serialize(value: Any, media_type: str, xml_root: str = "xml") -> bytes:
    if is_json(media_type):
        return dumps(value)
    if is_xml(media_type):
        if isinstance(value, str):
            return value.encode()
        return to_xml(value, xml_root).encode()
    if is_text(media_type):
        if isinstance(value, (dict, list)):
            raise NotText(media_type)
        return js_string(value).encode()
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode()
    return dumps(value)


def to_xml(value: Any, root: str = "xml") -> str:
    out: list[str] = []
    _element(out, _name(root), value)
    return "".join(out)


def _name(name: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "item"
    return cleaned if not (cleaned[0].isdigit() or cleaned[0] in "-.") else "_" + cleaned


def _element(out: list[str], name: str, value: Any) -> None:
    if isinstance(value, dict):
        out.append(f"<{name}>")
        for k, v in value.items():
            if isinstance(v, list):
                for item in v:
                    _element(out, _name(str(k)), item)
            else:
                _element(out, _name(str(k)), v)
        out.append(f"</{name}>")
    elif isinstance(value, list):
        out.append(f"<{name}>")
        for item in value:
            _element(out, "item", item)
        out.append(f"</{name}>")
    elif value is None:
        out.append(f"<{name}/>")
    else:
        out.append(f"<{name}>{escape(js_string(value))}</{name}>")
