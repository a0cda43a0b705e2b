"""Regular expressions written for Java or JavaScript (what pact files carry),
read by Python's `re`: named groups `(?<name>…)` become `(?P<name>…)`, `\\z`
becomes `\\Z`, and POSIX classes `\\p{Alpha}`, `\\p{Digit}`… become character
classes. Anything else is passed through unchanged."""

from __future__ import annotations

import re
from functools import lru_cache

_POSIX = {
    "Lower": "a-z",
    "Upper": "A-Z",
    "ASCII": "\\x00-\\x7F",
    "Alpha": "a-zA-Z",
    "Digit": "0-9",
    "Alnum": "a-zA-Z0-9",
    "Punct": "!-/:-@\\[-`{-~",
    "Space": " \\t\\n\\x0B\\f\\r",
    "XDigit": "0-9a-fA-F",
    "L": "^\\W\\d_",  # letters, any script
    "IsAlphabetic": "^\\W\\d_",
    "N": "\\d",
    "Nd": "\\d",
}
_NAMED_GROUP = re.compile(r"\(\?<(?=[A-Za-z])")
_CLASS = re.compile(r"\\([pP])\{(\w+)\}")


def translate(regex: str) -> str:
    out = _NAMED_GROUP.sub("(?P<", regex)
    out = out.replace("\\z", "\\Z")

    def posix(match: re.Match[str]) -> str:
        chars = _POSIX.get(match.group(2))
        if chars is None:
            return match.group(0)  # re will say it does not know it
        negated = match.group(1) == "P"
        if chars.startswith("^"):  # already a negated class
            return f"[{chars[1:]}]" if negated else f"[{chars}]"
        return f"[^{chars}]" if negated else f"[{chars}]"

    return _CLASS.sub(posix, out)


@lru_cache(maxsize=2048)
def compile_regex(regex: str) -> re.Pattern[str]:
    """Raises `re.error` for expressions Python cannot read."""
    return re.compile(translate(regex))
