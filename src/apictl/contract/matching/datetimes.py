"""Date, time and timestamp matchers: Java `DateTimeFormatter` patterns (what
pact files carry, e.g. `yyyy-MM-dd'T'HH:mm:ss.SSSX`) checked without Java.

A pattern becomes a regular expression with a named group per numeric field;
a value matches when the expression matches and the fields are in range (month
1-12, day 1-31 and valid for the month, hour 0-23, minute and second 0-59), so
`2015-06-10T22:98:78` is not a timestamp."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

DEFAULT_FORMATS = {
    "timestamp": "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]",
    "date": "yyyy-MM-dd",
    "time": "HH:mm:ss[.SSS]",
}
_MONTHS = [calendar.month_name[i] for i in range(1, 13)]
_DAYS = [calendar.day_name[i] for i in range(7)]
_LETTERS = "GuyYDMLdQqwWEecFaBhKkHmsSAnNVvzOXxZ"


def _field(letter: str, count: int) -> str:
    """The regular expression for `count` repetitions of pattern `letter`."""
    numeric = {
        "y": "year",
        "u": "year",
        "Y": "year",
        "M": "month",
        "L": "month",
        "d": "day",
        "H": "hour",
        "k": "hour24",
        "K": "hour12z",
        "h": "hour12",
        "m": "minute",
        "s": "second",
    }
    if letter in ("M", "L") and count >= 3:
        names = [m[:3] for m in _MONTHS] if count == 3 else _MONTHS
        return "(?:" + "|".join(names) + ")"
    if letter in ("E", "e", "c") and (letter == "E" or count >= 3):
        names = [d[:3] for d in _DAYS] if count <= 3 else _DAYS
        return "(?:" + "|".join(names) + ")"
    if letter in numeric:
        name = numeric[letter]
        if letter in ("y", "u", "Y"):
            digits = r"\d{2}" if count == 2 else (rf"\d{{{count},}}" if count > 2 else r"\d+")
            return f"(?P<{name}>[+-]?{digits})" if count != 2 else f"(?P<{name}>{digits})"
        digits = r"\d{2}" if count == 2 else r"\d{1,2}"
        return f"(?P<{name}>{digits})"
    if letter == "S":
        return rf"\d{{{count}}}"
    if letter == "n":
        return r"\d+"
    if letter == "D":
        return r"\d{1,3}"
    if letter == "a":
        return "(?:AM|PM|am|pm)"
    if letter in ("X", "x"):  # X writes zero as "Z"
        offsets = [r"[+-]\d{2}(?:\d{2})?", r"[+-]\d{4}", r"[+-]\d{2}:\d{2}", r"[+-]\d{4}(?:\d{2})?"]
        offset = offsets[min(count, 4) - 1]
        return f"(?:Z|{offset})" if letter == "X" else f"(?:{offset})"
    if letter == "Z":
        return "(?:[+-]\\d{4}|GMT(?:[+-]\\d{1,2}:\\d{2})?|Z|[+-]\\d{2}:\\d{2})"
    if letter in ("z", "V", "v", "O"):
        return r"(?:[A-Za-z][A-Za-z0-9_/+-]*|[+-]\d{2}:?\d{2})"
    if letter == "G":
        return "(?:AD|BC|Anno Domini|Before Christ)"
    return r"\d+"  # Q, w, W, F, A, N and friends: numbers


def _quoted(pattern: str, start: int) -> tuple[str, int]:
    """The literal text quoted from `start` (after the opening quote); `''` in it is a quote."""
    out = []
    i = start
    while i < len(pattern):
        if pattern[i] == "'":
            if pattern.startswith("''", i):
                out.append("'")
                i += 2
                continue
            return "".join(out), i + 1
        out.append(pattern[i])
        i += 1
    raise ValueError(f"unterminated quote in date pattern {pattern!r}")


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i = 0
    depth = 0
    used: set[str] = set()
    while i < len(pattern):
        ch = pattern[i]
        if ch == "'":
            if pattern.startswith("''", i):  # '' is a quote
                out.append("'")
                i += 2
                continue
            literal, i = _quoted(pattern, i + 1)
            out.append(re.escape(literal))
        elif ch == "[":
            out.append("(?:")
            depth += 1
            i += 1
        elif ch == "]":
            if depth == 0:
                raise ValueError(f"unbalanced ']' in date pattern {pattern!r}")
            out.append(")?")
            depth -= 1
            i += 1
        elif ch in _LETTERS:
            j = i
            while j < len(pattern) and pattern[j] == ch:
                j += 1
            part = _field(ch, j - i)
            for name in re.findall(r"\(\?P<(\w+)>", part):  # a field written twice: only the first is checked
                if name in used:
                    part = part.replace(f"(?P<{name}>", "(?:")
                used.add(name)
            out.append(part)
            i = j
        elif ch.isalpha():
            raise ValueError(f"unknown pattern letter {ch!r} in date pattern {pattern!r}")
        else:
            out.append(re.escape(ch))
            i += 1
    if depth:
        raise ValueError(f"unbalanced '[' in date pattern {pattern!r}")
    return re.compile("".join(out))


def check(value: str, pattern: str) -> str | None:
    """None when `value` is written in `pattern` and is a real date/time; else why not."""
    try:
        regex = compile_pattern(pattern)
    except ValueError as exc:
        return str(exc)
    match = regex.fullmatch(value)
    if match is None:
        return f"'{value}' does not match the pattern '{pattern}'"
    fields = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    limits = {
        "month": (1, 12),
        "day": (1, 31),
        "hour": (0, 23),
        "hour24": (1, 24),
        "hour12": (1, 12),
        "hour12z": (0, 11),
        "minute": (0, 59),
        "second": (0, 59),
    }
    for name, (low, high) in limits.items():
        if name in fields and not low <= fields[name] <= high:
            return f"'{value}' has an invalid {name} ({fields[name]})"
    if "day" in fields and "month" in fields:
        year = fields.get("year", 2000)
        if fields["day"] > calendar.monthrange(year if year > 0 else 2000, fields["month"])[1]:
            return f"'{value}' is not a valid date"
    return None
