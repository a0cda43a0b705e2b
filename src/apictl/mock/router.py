"""Which path template (and so which operation) a request path belongs to.

Paths are compared segment by segment after percent-decoding each segment
(so `%2F` inside a parameter stays inside it, and a template written with
spaces or `|` matches its encoded form). A concrete path beats a templated one
(`/pets/mine` before `/pets/{id}`); among templated paths the one with more
literal text wins, then the one written first. A template parameter matches
one segment, possibly empty (then it is reported missing, not routed
elsewhere), and may share a segment with literal text (`/{id}.json`).

Servers' base paths (`/v1` of `https://api.example.com/v1`, 2.0 `basePath`)
are optional prefixes: `/v1/pets` and `/pets` both reach `/pets`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

_PARAM = re.compile(r"\{([^{}/]+)\}")


@dataclass(slots=True)
class _Template:
    path: str
    order: int
    segments: list[str | re.Pattern[str]]
    names: list[list[str]]  # parameter names per segment (empty for literal segments)
    literal_chars: int


@dataclass(slots=True)
class Match:
    path: str  # the template
    params: dict[str, str]  # decoded path parameter values


def split_path(raw: str) -> list[str]:
    """'/a/b%20c' -> ['a', 'b c'] (each segment decoded on its own)."""
    if raw.startswith("/"):
        raw = raw[1:]
    return [unquote(seg, errors="replace") if "%" in seg else seg for seg in raw.split("/")]


def _compile(path: str, order: int) -> _Template:
    segments: list[str | re.Pattern[str]] = []
    names: list[list[str]] = []
    literal = 0
    for seg in split_path(path):
        found = _PARAM.findall(seg)
        if not found:
            segments.append(seg)
            names.append([])
            literal += len(seg) + 1
            continue
        pattern = ""
        pos = 0
        for m in _PARAM.finditer(seg):
            pattern += re.escape(seg[pos : m.start()]) + "(.*?)"
            literal += m.start() - pos
            pos = m.end()
        pattern += re.escape(seg[pos:])
        literal += len(seg) - pos
        segments.append(re.compile(pattern, re.DOTALL))
        names.append(found)
    return _Template(path, order, segments, names, literal)


class Router:
    def __init__(self, paths: Iterable[str], base_paths: Iterable[str] = ()) -> None:
        self._concrete: dict[tuple[str, ...], str] = {}
        self._templated: dict[int, list[_Template]] = {}
        for order, path in enumerate(paths):
            t = _compile(path, order)
            if all(isinstance(s, str) for s in t.segments):
                self._concrete.setdefault(tuple(s for s in t.segments if isinstance(s, str)), path)
            else:
                self._templated.setdefault(len(t.segments), []).append(t)
        for group in self._templated.values():
            group.sort(key=lambda t: (-t.literal_chars, t.order))
        bases = {b.rstrip("/") for b in base_paths if b and b.rstrip("/")}
        self.base_paths = sorted(bases, key=len, reverse=True)

    def match(self, raw_path: str) -> Match | None:
        for candidate in self._candidates(raw_path):
            found = self._match_segments(split_path(candidate))
            if found is not None:
                return found
        return None

    def _candidates(self, raw_path: str) -> list[str]:
        out = []
        for base in self.base_paths:
            if raw_path == base or raw_path.startswith(base + "/"):
                out.append(raw_path[len(base) :] or "/")
        out.append(raw_path or "/")
        return out

    def _match_segments(self, segments: list[str]) -> Match | None:
        path = self._concrete.get(tuple(segments))
        if path is not None:
            return Match(path, {})
        for t in self._templated.get(len(segments), ()):
            params: dict[str, str] = {}
            for want, got, names in zip(t.segments, segments, t.names, strict=True):
                if isinstance(want, str):
                    if want != got:
                        break
                    continue
                m = want.fullmatch(got)
                if m is None:
                    break
                params.update(zip(names, m.groups(), strict=False))
            else:
                return Match(t.path, params)
        return None
