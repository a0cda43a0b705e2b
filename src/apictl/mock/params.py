"""Parameters read out of a request as their `style` and `explode` say (3.x),
or their `collectionFormat` (2.0, mapped to styles by `oas.py`):

| style | array `a,b` | object `{x:1}` |
|---|---|---|
| simple (path, header) | `a,b` | `x,1` / explode `x=1` |
| label (path) | `.a.b` / `.a,b` | `.x,1` / `.x=1` |
| matrix (path) | `;id=a;id=b` / `;id=a,b` | `;id=x,1` / `;x=1` |
| form (query, cookie) | `id=a&id=b` / `id=a,b` | `x=1` (explode) / `id=x,1` |
| spaceDelimited, pipeDelimited, tabDelimited | `a b`, `a|b` | |
| deepObject (query) | | `id[x]=1` |

Values are percent-decoded strings; types come later (`coerce.py`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, unquote_plus

from apictl.mock.model import Param

MISSING: Any = object()
_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|", "tabDelimited": "\t"}


def parse_query(raw: str) -> dict[str, list[str]]:
    """'a=1&a=2&b' -> {'a': ['1', '2'], 'b': ['']} (form decoding: '+' is a space)."""
    out: dict[str, list[str]] = {}
    if not raw:
        return out
    for pair in raw.split("&"):
        if not pair:
            continue
        key, _, value = pair.partition("=")
        out.setdefault(unquote_plus(key, errors="replace"), []).append(unquote_plus(value, errors="replace"))
    return out


def parse_cookies(header: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    if not header:
        return out
    for part in header.split(";"):
        key, eq, value = part.strip().partition("=")
        if eq and key:
            out.setdefault(key.strip(), unquote(value.strip().strip('"'), errors="replace"))
    return out


def _pairs(items: list[str]) -> dict[str, str]:
    return {items[i]: items[i + 1] if i + 1 < len(items) else "" for i in range(0, len(items), 2)}


def _exploded_object(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, _, value = item.partition("=")
        out[key] = value
    return out


def _split(text: str, shape: str, explode: bool, sep: str = ",") -> Any:
    if shape == "array":
        return [] if text == "" else text.split(sep)
    if shape == "object":
        items = [] if text == "" else text.split(sep)
        return _exploded_object(items) if explode else _pairs(items)
    return text


def from_path(param: Param, raw: str, shape: str) -> Any:
    """The value of a path parameter (already percent-decoded); MISSING when empty."""
    if raw == "":
        return MISSING
    style = param.style
    if style == "label":
        text = raw[1:] if raw.startswith(".") else raw
        sep = "." if param.explode else ","
        if shape == "object" and param.explode:
            return _exploded_object(text.split("."))
        return _split(text, shape, param.explode, sep)
    if style == "matrix":
        prefix = f";{param.name}="
        if shape == "object" and param.explode:
            return _exploded_object([p for p in raw.split(";") if p])
        if shape == "array" and param.explode:
            return [p.partition("=")[2] for p in raw.split(";") if p]
        text = raw[len(prefix) :] if raw.startswith(prefix) else raw.lstrip(";")
        return _split(text, shape, False)
    return _split(raw, shape, param.explode)


def from_header(param: Param, raw: str, shape: str) -> Any:
    if shape == "array":
        return [v.strip() for v in raw.split(",")] if raw != "" else []
    return _split(raw, shape, param.explode)


def from_query(param: Param, query: dict[str, list[str]], shape: str, known: set[str]) -> Any:
    """`known`: query names of other parameters (an exploded object takes the rest)."""
    name = param.name
    style = param.style
    if style == "deepObject":
        prefix = name + "["
        out: dict[str, Any] = {}
        for key, values in query.items():
            if key.startswith(prefix) and key.endswith("]"):
                _set_deep(out, key[len(name) :], values[0])
        return out if out else MISSING
    if shape == "object" and param.explode and style == "form":
        out = {k: v[0] for k, v in query.items() if k not in known and not k.startswith("__")}
        return out if out else MISSING
    found = query.get(name)
    if found is None:
        return MISSING
    values = found
    if shape == "array":
        if param.explode and style == "form":
            return list(values)
        sep = _DELIMITERS.get(style, ",")
        return [] if values[0] == "" else values[0].split(sep)
    if shape == "object":
        return _split(values[0], "object", False)
    return values[0]


def _set_deep(out: dict[str, Any], brackets: str, value: str) -> None:
    keys = [k for k in brackets.replace("]", "").split("[") if k != ""] or [""]
    cur = out
    for k in keys[:-1]:
        nxt = cur.get(k)
        if not isinstance(nxt, dict):
            nxt = {}
            cur[k] = nxt
        cur = nxt
    cur[keys[-1]] = value


def from_cookie(param: Param, cookies: dict[str, str], shape: str) -> Any:
    raw = cookies.get(param.name)
    if raw is None:
        return MISSING
    return _split(raw, shape, param.explode) if shape != "scalar" else raw
