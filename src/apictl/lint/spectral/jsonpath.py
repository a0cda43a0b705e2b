"""JSONPath as Spectral evaluates it (nimma, with jsonpath-plus as fallback).

A path is parsed once into `Step`s; `engine` runs all paths of a ruleset in
one traversal. Supported syntax:

    $                    the root
    .name  ['name']  ["n"]  [name]    a member (`[/health]`, `.$ref` work too)
    [0]  [200]           an array index, or the member "200" of an object
    [a,b]  ['a','b']     a union of members
    .*  [*]              every child
    [start:end:step]     an array slice
    [?(expr)]            children for which the JavaScript expression holds (`jsexpr`)
    ..name  ..[…]  ..*   the same, applied to every descendant (recursive descent)
    ~                    (at the end) the key instead of the value
    ^                    (at the end) the parent

As in nimma, a negative index matches nothing, a member selector on an
array matches the item with that index, `.[…]` means `..[…]`, and a slice
after `..` matches nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from apictl.lint.spectral.jsexpr import FilterExpr, FilterSyntaxError, parse_filter

NAME, WILD, SLICE, FILTER = 0, 1, 2, 3


class JsonPathError(ValueError):
    pass


@dataclass(frozen=True, eq=False)
class Step:
    deep: bool
    kind: int
    keys: frozenset[str] = frozenset()  # NAME: member names (array indexes as decimal strings)
    bounds: tuple[int | None, int | None, int] = (None, None, 1)  # SLICE
    filter: FilterExpr | None = None  # FILTER

    def slice_contains(self, index: int, length: int) -> bool:
        start, end, step = self.bounds
        lo = 0 if start is None else (max(0, start + length) if start < 0 else min(start, length))
        hi = length if end is None else (max(0, end + length) if end < 0 else min(end, length))
        return lo <= index < hi and (index - lo) % step == 0


@dataclass(frozen=True, eq=False)
class JsonPath:
    source: str
    steps: tuple[Step, ...]
    keyed: bool = False  # trailing `~`
    parents: int = 0  # trailing `^`s
    uses: frozenset[str] = field(default_factory=frozenset)  # @-identifiers used by its filters


def parse_path(source: str) -> JsonPath:
    try:
        return _Parser(source).parse()
    except FilterSyntaxError as exc:
        raise JsonPathError(f"invalid filter in JSONPath {source!r}: {exc}") from None


class _Parser:
    def __init__(self, source: str) -> None:
        self.src = source.strip()
        self.i = 0

    def error(self, msg: str) -> JsonPathError:
        return JsonPathError(f"{msg} at position {self.i} in JSONPath {self.src!r}")

    def parse(self) -> JsonPath:
        s = self.src
        if not s.startswith("$"):
            raise JsonPathError(f"JSONPath {s!r} must start with '$'")
        self.i = 1
        body_end = len(s)
        while body_end > 1 and s[body_end - 1] in "~^":
            body_end -= 1
        modifiers = s[body_end:]
        if "~" in modifiers and not modifiers.endswith("~"):
            raise JsonPathError(f"'~' must come last in JSONPath {s!r}")
        steps: list[Step] = []
        while self.i < body_end:
            if s.startswith("..", self.i):
                self.i += 2
                steps.append(self.selector(True, body_end))
            elif s[self.i] == ".":
                self.i += 1
                # nimma reads `.[` as `..[` (recursive descent)
                steps.append(self.selector(self.i < body_end and s[self.i] == "[", body_end))
            elif s[self.i] == "[":
                steps.append(self.bracket(False))
            else:
                raise self.error(f"unexpected {s[self.i]!r}")
        uses: set[str] = set()
        for st in steps:
            if st.filter is not None:
                uses |= st.filter.uses
        return JsonPath(s, tuple(steps), keyed="~" in modifiers, parents=modifiers.count("^"), uses=frozenset(uses))

    def selector(self, deep: bool, end: int) -> Step:
        s = self.src
        if self.i >= end:
            raise self.error("expected a member name")
        if s[self.i] == "[":
            return self.bracket(deep)
        if s[self.i] == "*":
            self.i += 1
            return Step(deep, WILD)
        j = self.i
        while j < end and s[j] not in ".[":
            j += 1
        name = s[self.i : j]
        if not name.strip():
            raise self.error("expected a member name")
        self.i = j
        return Step(deep, NAME, frozenset([name]))

    def bracket(self, deep: bool) -> Step:
        s = self.src
        start = self.i + 1
        if s.startswith("?(", start):
            return self.filter(deep, start + 2)
        if s.startswith("(", start):
            raise self.error("script expressions [(…)] are not supported")
        items, self.i = _split_union(s, start)
        if len(items) == 1 and ":" in items[0] and items[0][:1] not in "'\"":
            bounds = _slice(items[0], s)
            if deep:  # nimma matches nothing for `..[a:b]`
                return Step(deep, NAME, frozenset())
            return Step(deep, SLICE, bounds=bounds)
        keys: set[str] = set()
        for raw in items:
            item = raw.strip()
            if item == "*":
                return Step(deep, WILD)
            if item[:1] in "'\"":
                keys.add(_unquote(item, s))
            elif _is_int(item):
                if not item.startswith("-"):
                    keys.add(str(int(item)))
            elif item.startswith(("?", "(", "@")):
                raise JsonPathError(f"unsupported selector [{raw}] in JSONPath {s!r}")
            elif item:
                keys.add(item)
            else:
                raise JsonPathError(f"empty selector in JSONPath {s!r}")
        return Step(deep, NAME, frozenset(keys))

    def filter(self, deep: bool, expr_start: int) -> Step:
        s = self.src
        j = s.find(")]", expr_start)
        last_error: Exception | None = None
        while j >= 0:
            try:
                flt = parse_filter(s[expr_start:j])
            except FilterSyntaxError as exc:
                last_error = exc
                j = s.find(")]", j + 1)
                continue
            self.i = j + 2
            return Step(deep, FILTER, filter=flt)
        if last_error is not None:
            raise JsonPathError(f"invalid filter in JSONPath {s!r}: {last_error}")
        raise JsonPathError(f"unclosed filter '[?(' in JSONPath {s!r}")


def _split_union(s: str, start: int) -> tuple[list[str], int]:
    """Items of `[a,'b',"c"]` starting after `[`; returns them and the index after `]`."""
    items: list[str] = []
    buf: list[str] = []
    i = start
    quote = ""
    while i < len(s):
        c = s[i]
        if quote:
            buf.append(c)
            if c == "\\" and i + 1 < len(s):
                buf.append(s[i + 1])
                i += 2
                continue
            if c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
            buf.append(c)
        elif c == ",":
            items.append("".join(buf))
            buf = []
        elif c == "]":
            items.append("".join(buf))
            return items, i + 1
        else:
            buf.append(c)
        i += 1
    raise JsonPathError(f"unclosed '[' in JSONPath {s!r}")


def _unquote(item: str, s: str) -> str:
    q = item[0]
    if len(item) < 2 or item[-1] != q:
        raise JsonPathError(f"unclosed quote in JSONPath {s!r}")
    out: list[str] = []
    i = 1
    while i < len(item) - 1:
        if item[i] == "\\" and i + 1 < len(item) - 1:
            out.append(item[i + 1])
            i += 2
        else:
            out.append(item[i])
            i += 1
    return "".join(out)


def _is_int(text: str) -> bool:
    return text.lstrip("-").isdigit() and text.isascii()


def _slice(text: str, s: str) -> tuple[int | None, int | None, int]:
    parts = [p.strip() for p in text.split(":")]
    if len(parts) > 3 or not all(p == "" or _is_int(p) for p in parts):
        raise JsonPathError(f"invalid slice [{text}] in JSONPath {s!r}")
    start = int(parts[0]) if parts[0] else None
    end = int(parts[1]) if len(parts) > 1 and parts[1] else None
    step = int(parts[2]) if len(parts) > 2 and parts[2] else 1
    if step <= 0:
        raise JsonPathError(f"slice step must be positive in JSONPath {s!r}")
    return start, end, step
