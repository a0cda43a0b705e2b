"""Source positions for JSON pointers, computed lazily and in batches.

Parsing keeps no per-node positions (that would cost as much as the parse
itself on a 13 MB document). Instead, when diagnostics need locations, all of
a document's pointers are resolved in one pass over the text:

* JSON: a descent that follows only the members on the way to a wanted node;
  every other value is skipped by the C scanner of the `json` module.
* YAML: a walk of the composed node tree, which carries libyaml's marks.

An absent node maps to its nearest existing ancestor. Results are character
offsets `(start, end)`: for a member of an object `start` is its key; `end`
is the end of a scalar value, or of the key (or opening bracket) when the
value is a container, so that a caret underlines a name, not a whole subtree.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from apictl.core.pointer import PointerError, split

_WS = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]
_decoder = json.JSONDecoder()

Offsets = tuple[int, int]


class LineIndex:
    """Offset -> (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def offset(self, line: int, col: int) -> int:
        """(line, column), 1-based -> offset (the inverse of `position`)."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1] + col - 1


class _JsonScan:
    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, Offsets] = {}

    def skip_value(self, i: int) -> int:
        c = self.text[i]
        if c == '"':
            return int(_scanstring(self.text, i + 1)[1])
        if c in "{[":
            return int(_decoder.raw_decode(self.text, i)[1])
        m = _SCALAR.match(self.text, i)
        if not m:
            raise ValueError(f"unexpected character at {i}")
        return m.end()

    def value_end(self, i: int, key_end: int) -> int:
        """End offset to underline for the value at i."""
        c = self.text[i]
        if c in "{[":
            return key_end if key_end >= 0 else i + 1
        return self.skip_value(i)

    def descend(self, i: int, trie: dict[str, Any], start: int, key_end: int) -> None:
        """Record wanted pointers at/below the value starting at offset i."""
        wanted = trie.get("\x00want")
        if wanted is not None:
            self.found[wanted] = (start, self.value_end(i, key_end))
        children = {k: v for k, v in trie.items() if k != "\x00want"}
        if not children:
            return
        text = self.text
        c = text[i]
        remaining = len(children)
        if c == "{":
            j = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            while text[j] != "}":
                kstart = j
                key, j = _scanstring(text, j + 1)
                kend = j
                j = _WS.match(text, j).end()  # type: ignore[union-attr]
                j = _WS.match(text, j + 1).end()  # type: ignore[union-attr]  # past ':'
                sub = children.get(key)
                if sub is not None:
                    self.descend(j, sub, kstart, kend)
                    remaining -= 1
                    if remaining == 0:
                        return
                j = _WS.match(text, self.skip_value(j)).end()  # type: ignore[union-attr]
                if text[j] == ",":
                    j = _WS.match(text, j + 1).end()  # type: ignore[union-attr]
        elif c == "[":
            j = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            index = 0
            while text[j] != "]":
                sub = children.get(str(index))
                if sub is not None:
                    self.descend(j, sub, j, -1)
                    remaining -= 1
                    if remaining == 0:
                        return
                j = _WS.match(text, self.skip_value(j)).end()  # type: ignore[union-attr]
                if text[j] == ",":
                    j = _WS.match(text, j + 1).end()  # type: ignore[union-attr]
                index += 1


def _mark_trie(pointers: Iterable[str]) -> dict[str, Any]:
    trie: dict[str, Any] = {}
    for p in pointers:
        try:
            tokens = split(p)
        except PointerError:
            continue  # `_nearest` maps it to its longest valid prefix (it must not claim the root's slot)
        node = trie
        for t in tokens:
            node = node.setdefault(t, {})
        node.setdefault("\x00want", p)
    return trie


def _nearest(found: dict[str, Offsets], pointer: str) -> Offsets:
    p = pointer
    while True:
        if p in found:
            return found[p]
        if not p:
            return (0, 0)
        p = p[: p.rfind("/")]


def _ancestors(pointers: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for p in pointers:
        while True:
            out.add(p)
            if not p:
                break
            p = p[: p.rfind("/")]
    return out


def locate_json(text: str, pointers: Iterable[str]) -> dict[str, Offsets]:
    wanted = list(pointers)
    scan = _JsonScan(text)
    start = _WS.match(text, 0).end()  # type: ignore[union-attr]
    if text.startswith("\ufeff"):
        start = _WS.match(text, 1).end()  # type: ignore[union-attr]
    try:
        scan.descend(start, _mark_trie(_ancestors(wanted)), start, -1)
    except (ValueError, IndexError):  # text that is not strict JSON: keep what was found
        pass
    return {p: _nearest(scan.found, p) for p in wanted}


def locate_yaml(root: Any, pointers: Iterable[str]) -> dict[str, Offsets]:
    """`root` is a composed PyYAML node tree."""
    out: dict[str, Offsets] = {}
    for p in pointers:
        tokens = _valid_tokens(p)
        node, key_node = root, None
        for tok in tokens:
            child = _yaml_child(node, tok)
            if child is None:
                break
            key_node, node = child
        out[p] = _yaml_offsets(node, key_node)
    return out


def _valid_tokens(pointer: str) -> list[str]:
    """Tokens of `pointer`, or of its longest valid prefix (as JSON does via `_nearest`)."""
    while True:
        try:
            return split(pointer)
        except PointerError:
            if "/" not in pointer:
                return []
            pointer = pointer[: pointer.rfind("/")]


def _yaml_child(node: Any, tok: str) -> tuple[Any, Any] | None:
    kind = node.id
    if kind == "mapping":
        found = None
        for k, v in node.value:
            if k.id == "scalar" and k.value == tok:
                found = (k, v)  # the last one: a repeated key's last value is the one in the data
        return found
    if kind == "sequence":
        if tok.isdigit() and int(tok) < len(node.value):
            return None, node.value[int(tok)]
    return None


def _yaml_offsets(node: Any, key_node: Any) -> Offsets:
    start = (key_node or node).start_mark.index
    if node.id == "scalar":
        end = node.end_mark.index
        if key_node is not None and node.end_mark.line != key_node.start_mark.line:
            end = key_node.end_mark.index  # block scalar on later lines: underline the key
    elif key_node is not None:
        end = key_node.end_mark.index
    else:
        end = start + 1
    return start, max(end, start + 1)
