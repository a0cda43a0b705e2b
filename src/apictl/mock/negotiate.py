"""Content negotiation: which of a response's media types an `Accept` header
prefers (406 when none), and which request content a `Content-Type` names
(415 when none).

Accept follows the `negotiator` package Prism uses: each offered type takes its
best-matching media range (exact type and subtype beat `type/*`, which beats
`*/*`); offers are ranked by that range's q value, then its specificity, then
its position in the header, then the offer's own position. Parameters other
than `q` are ignored (`application/vnd.x+json; version=1` accepts
`application/vnd.x+json`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class MediaRange:
    type: str
    subtype: str
    q: float
    index: int

    @property
    def text(self) -> str:
        return f"{self.type}/{self.subtype}"


def essence(media_type: str) -> str:
    """'Application/JSON; charset=utf-8' -> 'application/json'."""
    return media_type.split(";", 1)[0].strip().lower()


@lru_cache(maxsize=512)
def parse_accept(header: str) -> tuple[MediaRange, ...]:
    out: list[MediaRange] = []
    for index, part in enumerate(header.split(",")):
        pieces = part.split(";")
        mt = pieces[0].strip().lower()
        if not mt:
            continue
        if mt == "*":
            mt = "*/*"
        typ, slash, sub = mt.partition("/")
        if not slash or not typ or not sub:
            typ, sub = mt, ""
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value.strip())))
                except ValueError:
                    q = 0.0
        out.append(MediaRange(typ, sub, q, index))
    return tuple(out)


def _specificity(offer: str, rng: MediaRange) -> int | None:
    typ, _, sub = offer.partition("/")
    s = 0
    if rng.type == typ:
        s |= 4
    elif rng.type != "*":
        return None
    if rng.subtype == sub:
        s |= 2
    elif rng.subtype != "*":
        return None
    return s


def preferred(offers: Sequence[str], accept: Sequence[MediaRange]) -> list[int]:
    """Indexes of `offers` acceptable under `accept`, best first."""
    return list(_preferred(tuple(offers), tuple(accept)))


@lru_cache(maxsize=1024)
def _preferred(offers: tuple[str, ...], accept: tuple[MediaRange, ...]) -> tuple[int, ...]:
    ranked: list[tuple[float, int, int, int]] = []
    for i, offer in enumerate(offers):
        mt = essence(offer)
        best: tuple[int, float, int] | None = None  # (specificity, q, -index)
        for rng in accept:
            s = _specificity(mt, rng)
            if s is None:
                continue
            cand = (s, rng.q, -rng.index)
            if best is None or cand > best:
                best = cand
        if best is not None and best[1] > 0:
            ranked.append((-best[1], -best[0], -best[2], i))
    ranked.sort()
    return tuple(r[3] for r in ranked)


def accepts_text(accept: Sequence[MediaRange]) -> str:
    """The accepted types as Prism lists them in 406 details."""
    return ",".join(r.text if r.subtype else r.type for r in accept)


def is_json(media_type: str) -> bool:
    mt = essence(media_type)
    return mt == "application/json" or mt.endswith("+json") or mt.endswith("/json")


def is_xml(media_type: str) -> bool:
    mt = essence(media_type)
    return mt in ("application/xml", "text/xml") or mt.endswith("+xml")


def is_text(media_type: str) -> bool:
    return essence(media_type).startswith("text/")


def matches(pattern: str, media_type: str) -> bool:
    """Whether a content key of the contract (`application/*`, `*/*`) covers `media_type`."""
    p, m = essence(pattern), essence(media_type)
    if p == m or p == "*/*":
        return True
    ptype, _, psub = p.partition("/")
    mtype, _, msub = m.partition("/")
    return psub == "*" and ptype == mtype
