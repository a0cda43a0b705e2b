"""Case conversions as buf's stringutil does them, so suggestions match buf's."""

from __future__ import annotations

import re
from functools import lru_cache

_LOWER_SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_UPPER_SNAKE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
_DELIMITERS = frozenset(".-_ \t\n\r")


def _is_new_word(c: str, on_digits: bool) -> bool:
    return c.isupper() or (on_digits and c.isdigit())


@lru_cache(maxsize=65536)
def _snake(s: str, on_digits: bool = False) -> str:
    s = s.strip("".join(_DELIMITERS))
    out: list[str] = []
    n = len(s)
    for i, c in enumerate(s):
        if c in _DELIMITERS:
            c = "_"
        if i == 0:
            out.append(c)
        elif (
            _is_new_word(c, on_digits)
            and out[-1] != "_"
            and (
                (i < n - 1 and not _is_new_word(s[i + 1], True) and s[i + 1] not in _DELIMITERS)
                or (on_digits and c.isdigit())
                or s[i - 1].islower()
            )
        ):
            out.append("_" + c)
        elif not (c == "_" and out[-1] == "_"):
            out.append(c)
    return "".join(out)


def to_lower_snake(s: str, on_digits: bool = False) -> str:
    return _snake(s, on_digits).lower()


def to_upper_snake(s: str, on_digits: bool = False) -> str:
    return _snake(s, on_digits).upper()


@lru_cache(maxsize=65536)
def to_pascal(s: str) -> str:
    out: list[str] = []
    prev = ""
    for i, c in enumerate(s.strip()):
        if c == "_":
            prev = c
            continue
        if i == 0 or prev == "_":
            out.append(c.upper())
        else:
            out.append(c)
        prev = c
    return "".join(out)


def is_lower_snake(s: str) -> bool:
    if _LOWER_SNAKE.fullmatch(s):  # fast path: already lower_snake_case, nothing to split
        return True
    return s in (to_lower_snake(s), to_lower_snake(s, True))


def is_upper_snake(s: str) -> bool:
    if _UPPER_SNAKE.fullmatch(s):
        return True
    return s in (to_upper_snake(s), to_upper_snake(s, True))
