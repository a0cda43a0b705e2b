"""Pact's JSONPath subset, for choosing the matching rule of a place.

Rule keys are paths like `$.animals[*].name`, `$.people.*['@id']`,
`$[0]` or `$['x-y']`. A place in a document is the list of its fragments
(`["$", "animals", "0", "name"]`). A rule applies to a place when its tokens
match the place's first fragments (so rules cascade to descendants); among the
rules that apply, the one with the highest weight wins — an exact name or index
weighs 2, a wildcard 1, multiplied along the path — ties going to the longer
path, as pact-reference does."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ROOT, FIELD, INDEX, STAR, STAR_INDEX = "root", "field", "index", "star", "star-index"

_TOKEN = re.compile(
    r"""\.(?P<star>\*)
    |\.(?P<field>[^.\[\]]+)
    |\[(?P<index>\d+)\]
    |\[(?P<starindex>\*)\]
    |\[(?P<q>['"])(?P<quoted>.*?)(?P=q)\]""",
    re.X,
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    value: str = ""


class PathError(ValueError):
    pass


class Index(str):
    """A list position among a place's fragments (rendered `[3]`, not `.3`)."""

    __slots__ = ()


@lru_cache(maxsize=4096)
def parse(path: str) -> tuple[Token, ...]:
    """`$.a[0]['b c'].*` -> root, field a, index 0, field "b c", star. A path
    without the leading `$` (`a.b`) is read as if it had one."""
    text = path.strip()
    if not text.startswith("$"):
        text = "$." + text if text else "$"
    tokens = [Token(ROOT)]
    pos = 1
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise PathError(f"invalid path expression {path!r} at character {pos + 1}")
        if match.group("star"):
            tokens.append(Token(STAR))
        elif match.group("field") is not None:
            tokens.append(Token(FIELD, match.group("field")))
        elif match.group("index") is not None:
            tokens.append(Token(INDEX, match.group("index")))
        elif match.group("starindex"):
            tokens.append(Token(STAR_INDEX))
        else:
            tokens.append(Token(FIELD, match.group("quoted")))
        pos = match.end()
    return tuple(tokens)


def _token_weight(token: Token, fragment: str) -> int:
    if token.kind == ROOT:
        return 2 if fragment == "$" else 0
    if token.kind in (FIELD, INDEX):
        return 2 if token.value == fragment else 0
    if token.kind == STAR:
        return 1
    return 1 if fragment.isdigit() else 0  # STAR_INDEX


def weight(tokens: tuple[Token, ...], path: tuple[str, ...]) -> int:
    """How well a rule's tokens fit `path` (0: not at all). Rules longer than
    the path do not apply; shorter ones apply to its descendants."""
    if len(tokens) > len(path):
        return 0
    total = 1
    for token, fragment in zip(tokens, path, strict=False):
        total *= _token_weight(token, fragment)
        if total == 0:
            return 0
    return total


def render(path: tuple[str, ...]) -> str:
    """["$", "a", "0", "b c"] -> "$.a[0]['b c']" (for messages)."""
    out = ""
    for i, fragment in enumerate(path):
        if i == 0:
            out = fragment
        elif isinstance(fragment, Index):
            out += f"[{fragment}]"
        elif re.fullmatch(r"[A-Za-z_@#][\w@#-]*", fragment):
            out += "." + fragment
        else:
            out += "['" + fragment.replace("'", "\\'") + "']"
    return out
