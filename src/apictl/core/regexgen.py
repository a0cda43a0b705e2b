"""Strings that match a regular expression (`pattern` in schemas).

A small recursive-descent parser for the ECMA-262 subset schemas use —
literals and escapes (`\\d \\w \\s`, `\\uXXXX`), classes (`[a-z_]`, `[^…]`),
groups (capturing, `(?:…)`, named; lookarounds are skipped), alternation,
quantifiers (`* + ? {n} {n,} {n,m}`, lazy or not), `.`, anchors and
backreferences — and a generator that walks the tree with a `random.Random`
(dynamic data) or picks the first choice and the fewest repetitions
(static data). Unbounded repetitions are capped, so generation always ends.
Anything the parser does not understand raises `PatternError`."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from functools import lru_cache

MAX_REPEAT = 8  # cap for *, + and {n,}
MAX_COUNT = 10_000  # largest explicit repetition count ({n}, {n,m}): `[a-z]{999999999}` is refused
MAX_LENGTH = 100_000  # longest string a pattern may produce (nested counts multiply)
_PRINTABLE = [c for c in string.printable if c not in "\t\n\r\x0b\x0c"]
_CLASSES = {
    "d": string.digits,
    "w": string.ascii_letters + string.digits + "_",
    "s": " ",
}


class PatternError(ValueError):
    pass


@dataclass(slots=True)
class _Node:
    kind: str  # lit | set | any | seq | alt | group | repeat | backref | empty
    chars: str = ""  # lit: the text; set: the allowed characters
    children: list[_Node] = field(default_factory=list)
    lo: int = 0
    hi: int = 0
    index: int = 0  # group number / backreference target


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0
        self.groups = 0

    def peek(self) -> str:
        return self.p[self.i] if self.i < len(self.p) else ""

    def take(self) -> str:
        if self.i >= len(self.p):
            raise PatternError("unexpected end of pattern")
        c = self.p[self.i]
        self.i += 1
        return c

    def parse(self) -> _Node:
        node = self.alternation()
        if self.i != len(self.p):
            raise PatternError(f"unexpected {self.peek()!r} at {self.i}")
        return node

    def alternation(self) -> _Node:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else _Node("alt", children=branches)

    def sequence(self) -> _Node:
        items: list[_Node] = []
        while self.peek() not in ("", "|", ")"):
            atom = self.atom()
            if atom is None:
                continue
            items.append(self.quantified(atom))
        return _Node("seq", children=items)

    def quantified(self, atom: _Node) -> _Node:
        c = self.peek()
        lo, hi = -1, -1
        if c == "*":
            lo, hi = 0, MAX_REPEAT
        elif c == "+":
            lo, hi = 1, MAX_REPEAT
        elif c == "?":
            lo, hi = 0, 1
        elif c == "{":
            end = self.p.find("}", self.i)
            body = self.p[self.i + 1 : end] if end > 0 else ""
            nums = body.split(",")
            if end > 0 and len(nums) <= 2 and all(n.strip().isdigit() or n == "" for n in nums) and nums[0].strip():
                lo = int(nums[0])
                hi = lo if len(nums) == 1 else (int(nums[1]) if nums[1].strip() else lo + MAX_REPEAT)
                self.i = end
            else:
                return atom  # a literal "{"
        else:
            return atom
        self.i += 1
        if self.peek() in ("?", "+"):
            self.i += 1
        if hi < lo:
            raise PatternError("bad repetition bounds")
        if lo > MAX_COUNT:
            raise PatternError(f"repetition count {lo} is above the limit of {MAX_COUNT}")
        return _Node("repeat", children=[atom], lo=lo, hi=min(hi, lo + 1000))

    def atom(self) -> _Node | None:
        c = self.take()
        if c in "^$":
            return None
        if c == ".":
            return _Node("any")
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.escape(in_class=False)
        if c in "*+?":
            raise PatternError(f"nothing to repeat at {self.i - 1}")
        return _Node("lit", chars=c)

    def group(self) -> _Node | None:
        capture = True
        if self.peek() == "?":
            self.i += 1
            kind = self.take()
            if kind == ":":
                capture = False
            elif kind in "=!":
                self.alternation()
                self._close()
                return None
            elif kind == "<" and self.peek() in "=!":
                self.i += 1
                self.alternation()
                self._close()
                return None
            elif kind in "<P":
                if kind == "P":
                    self.take()
                end = self.p.find(">", self.i)
                if end < 0:
                    raise PatternError("unterminated group name")
                self.i = end + 1
            else:
                raise PatternError(f"unsupported group (?{kind}")
        index = 0
        if capture:
            self.groups += 1
            index = self.groups
        inner = self.alternation()
        self._close()
        return _Node("group", children=[inner], index=index)

    def _close(self) -> None:
        if self.take() != ")":
            raise PatternError("missing )")

    def escape(self, in_class: bool) -> _Node:
        c = self.take()
        if c in _CLASSES:
            return _Node("set", chars=_CLASSES[c])
        if c in "DWS":
            allowed = _CLASSES[c.lower()]
            return _Node("set", chars="".join(ch for ch in _PRINTABLE if ch not in allowed))
        if c in "bB" and not in_class:
            return _Node("empty")
        if c == "b":
            return _Node("lit", chars="\b")
        simple = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "0": "\0"}
        if c in simple:
            return _Node("lit", chars=simple[c])
        if c in "xu":
            width = 2 if c == "x" else 4
            if c == "u" and self.peek() == "{":
                end = self.p.find("}", self.i)
                digits, self.i = self.p[self.i + 1 : end], end + 1
            else:
                digits = self.p[self.i : self.i + width]
                self.i += width
            try:
                return _Node("lit", chars=chr(int(digits, 16)))
            except ValueError:
                raise PatternError(f"bad \\{c} escape") from None
        if c.isdigit() and not in_class:
            num = c
            while self.peek().isdigit():
                num += self.take()
            return _Node("backref", index=int(num))
        if c == "p" or c == "P":
            raise PatternError("unicode property escapes are not supported")
        return _Node("lit", chars=c)

    def char_class(self) -> _Node:
        negate = self.peek() == "^"
        if negate:
            self.i += 1
        chars: list[str] = []
        first = True
        while True:
            c = self.take()
            if c == "]" and not first:
                break
            first = False
            if c == "\\":
                node = self.escape(in_class=True)
                chars.extend(node.chars)
                continue
            if self.peek() == "-" and self.i + 1 < len(self.p) and self.p[self.i + 1] != "]":
                self.i += 1
                end = self.take()
                if end == "\\":
                    end = self.escape(in_class=True).chars[:1] or "-"
                if ord(end) < ord(c):
                    raise PatternError("bad character range")
                chars.extend(chr(x) for x in range(ord(c), min(ord(end), ord(c) + 0x3000) + 1))
                continue
            chars.append(c)
        if negate:
            banned = set(chars)
            chars = [ch for ch in _PRINTABLE if ch not in banned]
        if not chars:
            raise PatternError("empty character class")
        return _Node("set", chars="".join(dict.fromkeys(chars)))


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> _Node:
    tree = _Parser(pattern).parse()
    if _longest(tree) > MAX_LENGTH:
        raise PatternError(f"it can produce strings longer than the limit of {MAX_LENGTH} characters")
    return tree


def _longest(node: _Node) -> int:
    """An upper bound of the length `_emit` can produce for `node` (backreferences aside)."""
    if node.kind == "lit":
        return len(node.chars)
    if node.kind in ("set", "any"):
        return 1
    if node.kind == "seq":
        return sum(_longest(c) for c in node.children)
    if node.kind in ("alt", "group"):
        return max((_longest(c) for c in node.children), default=0)
    if node.kind == "repeat":
        return max(node.lo, min(node.hi, node.lo + 4)) * _longest(node.children[0])
    return 0


def generate(pattern: str, rng: random.Random | None = None) -> str:
    """A string matching `pattern` (anchors assumed at both ends); with no `rng`,
    the first choice and the fewest repetitions. Raises PatternError."""
    tree = compile_pattern(pattern)
    out: list[str] = []
    groups: dict[int, str] = {}
    _emit(tree, rng, out, groups)
    return "".join(out)


def _emit(node: _Node, rng: random.Random | None, out: list[str], groups: dict[int, str]) -> None:
    kind = node.kind
    if kind == "lit":
        out.append(node.chars)
    elif kind == "set":
        out.append(node.chars[0] if rng is None else rng.choice(node.chars))
    elif kind == "any":
        out.append("a" if rng is None else rng.choice(string.ascii_letters + string.digits))
    elif kind == "seq":
        for child in node.children:
            _emit(child, rng, out, groups)
    elif kind == "alt":
        branch = node.children[0] if rng is None else rng.choice(node.children)
        _emit(branch, rng, out, groups)
    elif kind == "group":
        start = len(out)
        _emit(node.children[0], rng, out, groups)
        if node.index:
            groups[node.index] = "".join(out[start:])
    elif kind == "repeat":
        lo = node.lo
        hi = node.hi
        count = lo if rng is None else rng.randint(lo, max(lo, min(hi, lo + 4)))
        for _ in range(count):
            _emit(node.children[0], rng, out, groups)
    elif kind == "backref":
        out.append(groups.get(node.index, ""))
