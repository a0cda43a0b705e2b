"""RFC 6901 JSON pointers, as used in `$ref` fragments and diagnostics."""

from __future__ import annotations

import re
from urllib.parse import unquote

_BAD_ESCAPE = re.compile(r"~(?![01])")


class PointerError(ValueError):
    pass


def escape(token: str | int) -> str:
    token = str(token)
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


def unescape(token: str) -> str:
    if "~" not in token:
        return token
    if _BAD_ESCAPE.search(token):
        raise PointerError(f"invalid escape in JSON pointer token {token!r} ('~' must be followed by 0 or 1)")
    return token.replace("~1", "/").replace("~0", "~")


def join(base: str, *tokens: str | int) -> str:
    return base + "".join("/" + escape(t) for t in tokens)


def split(pointer: str) -> list[str]:
    """'/a/b~1c' -> ['a', 'b/c']; '' -> []."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise PointerError(f"JSON pointer {pointer!r} must start with '/'")
    return [unescape(t) for t in pointer[1:].split("/")]


def from_fragment(fragment: str) -> str:
    """A URI fragment ('/components/schemas/A%20B') -> a JSON pointer."""
    return unquote(fragment)


_MISSING = object()


def lookup(data: object, tokens: list[str]) -> tuple[object, int]:
    """Follow `tokens` into `data`. Returns (value, depth reached); when the walk
    stops early value is the sentinel `MISSING` and depth is how far it got."""
    cur = data
    for depth, tok in enumerate(tokens):
        if isinstance(cur, dict):
            if tok not in cur:
                return MISSING, depth
            cur = cur[tok]
        elif isinstance(cur, list):
            if not tok.isdigit() or (len(tok) > 1 and tok[0] == "0") or int(tok) >= len(cur):
                return MISSING, depth
            cur = cur[int(tok)]
        else:
            return MISSING, depth
    return cur, len(tokens)


MISSING = _MISSING
