"""Regular expressions written for Java or JavaScript (what pact files carry),
read by Python's `re`: named groups `(?<name>…)` become `(?P<name>…)`, `\\z`
becomes `\\Z`, and POSIX classes `\\p{Alpha}`, `\\p{Digit}`… become character
classes. Anything else is passed through unchanged.

Pact regexes are written by consumers, so a provider's `contract check`, `apictl ci` and
the stub must survive hostile ones (`(a+)+$` against `aaaa…!` backtracks for ever in
Python's `re`). They are compiled with the `regex` package and every match runs with a
time budget (`MATCH_TIMEOUT_S`); `fullmatch`/`search` return None for "took too long"."""

from __future__ import annotations

import re
from functools import lru_cache

import regex as _regex

MATCH_TIMEOUT_S = 0.25  # per match; a sane pact regex needs microseconds


class RegexTimeout(Exception):
    """A pact regex took longer than MATCH_TIMEOUT_S on one value."""

    def __init__(self, regex: str) -> None:
        super().__init__(
            f"the regex {regex!r} took longer than {MATCH_TIMEOUT_S} s to match (catastrophic backtracking?)"
        )


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
def compile_regex(regex: str) -> _regex.Pattern[str]:
    """Raises `re.error` for expressions that cannot be read."""
    try:
        return _regex.compile(translate(regex), _regex.VERSION0)
    except _regex.error as exc:
        raise re.error(str(exc)) from None
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. a repeat count too big
        raise re.error(str(exc)) from None


def fullmatch(regex: str, text: str) -> bool:
    """Whether the whole of `text` matches; raises RegexTimeout when it takes too long."""
    try:
        return compile_regex(regex).fullmatch(text, timeout=MATCH_TIMEOUT_S) is not None
    except TimeoutError:
        raise RegexTimeout(regex) from None


def search(regex: str, text: str) -> _regex.Match[str] | None:
    """The first match in `text`; raises RegexTimeout when it takes too long."""
    try:
        return compile_regex(regex).search(text, timeout=MATCH_TIMEOUT_S)
    except TimeoutError:
        raise RegexTimeout(regex) from None
