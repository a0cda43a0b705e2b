"""JavaScript regular expressions, compiled with Python's `re`.

Rulesets write ECMAScript patterns (`pattern` options, `/…/` literals in
filters). The syntax is close to Python's; the differences that matter are
translated: `\\d`/`\\w`/`\\b` are ASCII-only in JavaScript, `$` matches only at
the very end (Python also before a final newline), named groups are written
`(?<n>…)`, `[^]` matches anything, `\\u{…}` needs the `u` flag. Flags: `i`, `m`,
`s`, `u`; `g` and `y` do not change what `test` answers for a fresh pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

REGEXP_STRING = re.compile(r"^/(.+)/([a-z]*)$", re.DOTALL)  # Spectral's "/re/flags" form
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}


class JSRegexError(ValueError):
    pass


@dataclass(frozen=True)
class JSRegExp:
    source: str
    flags: str
    compiled: re.Pattern[str]

    def test(self, text: str) -> bool:
        return self.compiled.search(text) is not None

    def __repr__(self) -> str:
        return f"/{self.source}/{self.flags}"


@lru_cache(maxsize=4096)
def compile_js(source: str, flags: str = "") -> JSRegExp:
    py_flags = 0
    for f in flags:
        if f in _FLAGS:
            py_flags |= _FLAGS[f]
        elif f not in "guyd":
            raise JSRegexError(f"invalid regular expression flag {f!r} in /{source}/{flags}")
    try:
        compiled = re.compile(_translate(source, "m" in flags, "u" in flags), py_flags)
    except (re.error, OverflowError) as exc:
        raise JSRegexError(f"invalid regular expression /{source}/: {exc}") from None
    return JSRegExp(source, flags, compiled)


def from_option(pattern: str) -> JSRegExp:
    """Spectral's `pattern` option: "/re/flags" or a bare pattern string."""
    m = REGEXP_STRING.match(pattern)
    if m:
        return compile_js(m.group(1), m.group(2))
    return compile_js(pattern)


_CLASS_ESCAPES = {"d": "0-9", "w": "A-Za-z0-9_", "s": r"\s"}
_ESCAPES = {"d": "[0-9]", "D": "[^0-9]", "w": "[A-Za-z0-9_]", "W": "[^A-Za-z0-9_]"}


def _translate(src: str, multiline: bool, unicode: bool) -> str:
    out: list[str] = []
    i, n = 0, len(src)
    in_class = False
    while i < n:
        c = src[i]
        if c == "\\" and i + 1 < n:
            nxt = src[i + 1]
            if nxt == "u" and unicode and i + 2 < n and src[i + 2] == "{":
                end = src.find("}", i + 3)
                if end < 0:
                    raise JSRegexError(f"invalid unicode escape in /{src}/")
                out.append(f"\\U{int(src[i + 3 : end], 16):08x}")
                i = end + 1
                continue
            if nxt == "k" and i + 2 < n and src[i + 2] == "<":
                end = src.find(">", i + 3)
                out.append(f"(?P={src[i + 3 : end]})")
                i = end + 1
                continue
            if nxt == "c" and i + 2 < n and src[i + 2].isalpha():
                out.append(f"\\x{ord(src[i + 2].upper()) - 64:02x}")
                i += 3
                continue
            if in_class and nxt in _CLASS_ESCAPES:
                out.append(_CLASS_ESCAPES[nxt])
            elif in_class and nxt in "DW":
                out.append("\\" + nxt)  # rare inside a class; Python's meaning is close enough
            elif not in_class and nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
            elif nxt == "/":
                out.append("/")
            elif nxt == "-":
                out.append("\\-")
            elif nxt.isalnum() and nxt not in "bBdDwWsSfnrtv0123456789xu":
                out.append(re.escape(nxt))  # identity escape (`\\e` is just "e" in JavaScript)
            else:
                out.append(c + nxt)
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            elif c == "[":
                out.append("\\[")
                i += 1
                continue
            out.append(c)
            i += 1
            continue
        if c == "[":
            if src.startswith("[^]", i):
                out.append(r"[\s\S]")
                i += 3
                continue
            if src.startswith("[]", i):
                out.append("(?!)")
                i += 2
                continue
            in_class = True
            out.append(c)
            if i + 1 < n and src[i + 1] == "^":
                out.append("^")
                i += 1
            i += 1
            continue
        if c == "$" and not multiline:
            out.append(r"\Z")
            i += 1
            continue
        if c == "(" and src.startswith("(?<", i) and i + 3 < n and src[i + 3] not in "=!":
            out.append("(?P<")
            i += 3
            continue
        if c == "{" and not re.match(r"\{\d+(,\d*)?\}", src[i:]):
            out.append("\\{")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)
