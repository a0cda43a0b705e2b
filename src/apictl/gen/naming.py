"""Identifiers and literals for generated Python code, safe for any input.

Everything a contract names (operations, parameters, properties, schemas, tags)
and everything it says (descriptions, defaults, enum values, server URLs) reaches
generated code only through these functions: names become PEP 8 identifiers that
are never keywords, soft keywords or shadowed builtins, and text becomes string
literals, comments or docstrings that cannot end early — so a spec can never
inject code, however hostile its names or descriptions are.
"""

from __future__ import annotations

import builtins
import keyword
import math
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

# Names a generated module must not shadow: keywords, soft keywords, builtins, and
# the names the generated code itself imports or defines around user names.
RESERVED = frozenset(
    {
        *keyword.kwlist,
        *keyword.softkwlist,
        *dir(builtins),
        "self",
        "cls",
        "annotations",
        "typing",
        "httpx",
        "pydantic",
        "models",
        "client",
        "request",
        "response",
        "params",
        "headers",
        "cookies",
        "content",
        "files",
        "data",
        "json",
        "timeout",
        "extra_headers",
        "rt",
        "Any",
        "Field",
        "BaseModel",
        "RootModel",
        "ConfigDict",
        "TypeAdapter",
    }
)

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_IDENT = re.compile(r"[^0-9A-Za-z]+")


def ascii_words(text: str) -> list[str]:
    """The words of `text`: unicode folded to ASCII, split at non-alphanumerics and
    camelCase boundaries; characters with no ASCII form are dropped."""
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    words: list[str] = []
    for chunk in _NON_IDENT.split(folded):
        if chunk:
            words.extend(w for w in _WORD_BOUNDARY.split(chunk) if w)
    return words


KEYWORDS = frozenset({*keyword.kwlist, *keyword.softkwlist})


def snake(text: str, *, fallback: str = "value", prefix: str = "n", reserved: frozenset[str] = RESERVED) -> str:
    """A snake_case identifier for `text` (never a keyword, nor in `reserved`)."""
    name = "_".join(w.lower() for w in ascii_words(text)) or fallback
    if name[0].isdigit():
        name = f"{prefix}_{name}"
    return name + "_" if name in reserved or keyword.iskeyword(name) else name


def pascal(text: str, *, fallback: str = "Model", prefix: str = "N") -> str:
    """A PascalCase identifier for `text` (never a keyword or a builtin)."""
    name = "".join(w[:1].upper() + w[1:] for w in ascii_words(text)) or fallback
    if name[0].isdigit():
        name = prefix + name
    return _unreserve(name)


def constant(text: str, *, fallback: str = "VALUE") -> str:
    """An UPPER_CASE identifier (enum members)."""
    name = "_".join(w.upper() for w in ascii_words(text)) or fallback
    if name[0].isdigit():
        name = "V_" + name
    return _unreserve(name)


def _unreserve(name: str) -> str:
    return name + "_" if name in RESERVED or keyword.iskeyword(name) else name


def is_safe_identifier(name: str) -> bool:
    return name.isidentifier() and name.isascii() and name not in RESERVED and not keyword.iskeyword(name)


class Namer:
    """Hands out unique names in the order asked: the first keeps the plain name,
    later collisions get `_2`, `_3`… (stable for a stable input order)."""

    def __init__(self, taken: Iterable[str] = (), *, sep: str = "_") -> None:
        self.taken: set[str] = set(taken)
        self.sep = sep

    def claim(self, name: str) -> str:
        candidate, n = name, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{name}{self.sep}{n}"
        self.taken.add(candidate)
        return candidate


# -- literals -------------------------------------------------------------------


def literal(value: Any) -> str:
    """Python source for a JSON value; an expression with no names but `float`,
    so no default, enum value or example can run code."""
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        if math.isnan(value):
            return 'float("nan")'
        if math.isinf(value):
            return 'float("inf")' if value > 0 else 'float("-inf")'
        return repr(value)
    if isinstance(value, str):
        return string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{string(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    return string(str(value))


def string(text: str) -> str:
    """A double-quoted string literal for any text (escapes quotes, backslashes,
    every control and non-ASCII character)."""
    out = ['"']
    for ch in str(text):
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def toml_string(text: str) -> str:
    """A TOML basic string for any text (TOML has no `\\x` escapes)."""
    out = ['"']
    for ch in str(text):
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        elif ord(ch) < 0x10000:
            out.append(f"\\u{ord(ch):04x}" if not 0xD800 <= ord(ch) <= 0xDFFF else "\\ufffd")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def docstring(text: str | None, indent: str = "", *, width: int = 0) -> str:
    """A triple-quoted docstring (with its quotes) for `text`, indented for a body
    at `indent`; "" when there is nothing to say. Backslashes, quotes and control
    characters are escaped, so the text can never close the string early."""
    body = clean_text(text)
    if not body:
        return ""
    body = body.replace("\\", "\\\\").replace('"', '\\"')
    lines = [line.rstrip() for line in body.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) == 1:
        return f'"""{lines[0]}"""'
    inner = "\n".join((indent + line) if line else "" for line in lines[1:])
    return f'"""{lines[0]}\n{inner}\n{indent}"""'


def clean_text(text: Any) -> str:
    """Text with newlines normalised and other control characters (and Unicode
    line separators, which Python treats as line breaks in some places) dropped."""
    if not isinstance(text, str):
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if text.isascii():  # the common case, without a look at every character
        return _ASCII_CONTROL.sub("", text).strip()
    return "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in _DROPPED_CATEGORIES).strip()


_ASCII_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def comment(text: Any, limit: int = 100) -> str:
    """One line of text safe after `#` (no line breaks)."""
    line = " ".join(clean_text(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def summary_line(text: Any, limit: int = 100) -> str:
    """The first sentence-ish line of a description, for one-line docs."""
    first = clean_text(text).split("\n\n", 1)[0]
    return comment(first, limit)
