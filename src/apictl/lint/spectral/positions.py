"""Where Spectral puts a result: the start of the node's *value*.

Spectral parses the linted file with its YAML parser (JSON is YAML) and
referenced `.json` files with its JSON parser, then reports the range of the
node at the result's path:

- YAML parser: a scalar member value starts where the value does; a mapping
  or sequence member value (and an empty value) starts one character after
  the key (just past the colon when it follows the key); array items and
  the root start where they do;
- JSON parser: every value starts where it does (objects at `{`).

Columns count UTF-16 code units, as Spectral's (and editors') do.

apictl's `Document` locates a member at its key; this module moves from
there to where Spectral points, using the same lazy, batched lookups.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from apictl.core.diagnostic import Span
from apictl.core.document import Document
from apictl.core.pointer import PointerError, split

_WS = re.compile(r"[ \t\n\r]*")
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]


def spans(doc: Document, pointers: Iterable[str], yaml_style: bool) -> dict[str, Span]:
    """Spectral positions for existing nodes of `doc` (1-based, like every apictl Span)."""
    wanted = list(dict.fromkeys(pointers))
    if doc.syntax == "yaml" and doc.yaml_root is not None:
        offsets = {p: _yaml_offset(doc.yaml_root, p, doc.text) for p in wanted}
    else:
        key_offsets = doc.offsets(wanted)
        offsets = {p: _json_offset(doc, p, key_offsets[p][0], yaml_style) for p in wanted}
    out: dict[str, Span] = {}
    text = doc.text
    for p, off in offsets.items():
        line, col = doc.lines.position(off)
        prefix = text[off - col + 1 : off]
        if not prefix.isascii():
            col = len(prefix.encode("utf-16-le")) // 2 + 1  # Spectral counts UTF-16 code units
        out[p] = Span(line, col, line, col)
    return out


def _lookup(data: Any, tokens: list[str]) -> tuple[Any, Any, bool]:
    """(parent, value, found) for the node at `tokens`."""
    parent, node = None, data
    for t in tokens:
        parent = node
        if isinstance(node, dict) and t in node:
            node = node[t]
        elif isinstance(node, list) and t.isdigit() and int(t) < len(node):
            node = node[int(t)]
        else:
            return parent, None, False
    return parent, node, True


def _json_offset(doc: Document, pointer: str, start: int, yaml_style: bool) -> int:
    try:
        tokens = split(pointer)
    except PointerError:
        return start
    if not tokens:
        return start
    parent, value, found = _lookup(doc.data, tokens)
    if not found or not isinstance(parent, dict):
        return start  # an array item (or a fallback): apictl already points at its start
    text = doc.text
    if start >= len(text) or text[start] != '"':
        return start
    try:
        key_end = int(_scanstring(text, start + 1)[1])
    except (ValueError, IndexError):
        return start
    if yaml_style and isinstance(value, (dict, list)):
        return key_end + 1
    j = _WS.match(text, key_end).end()  # type: ignore[union-attr]
    if j < len(text) and text[j] == ":":
        j = _WS.match(text, j + 1).end()  # type: ignore[union-attr]
    return j


def _yaml_offset(root: Any, pointer: str, text: str) -> int:
    try:
        tokens = split(pointer)
    except PointerError:
        tokens = []
    node, key_node = root, None
    for tok in tokens:
        child = _yaml_child(node, tok)
        if child is None:
            break
        key_node, node = child
    if key_node is None:
        return int(node.start_mark.index)
    if node.id != "scalar" or (node.value == "" and node.style is None and node.tag.endswith(":null")):
        return int(key_node.end_mark.index) + 1
    return int(node.start_mark.index)


def _yaml_child(node: Any, tok: str) -> tuple[Any, Any] | None:
    if node.id == "mapping":
        for k, v in reversed(node.value):  # the last of duplicate keys wins, as in the data
            if k.id == "scalar" and k.value == tok:
                return k, v
        return None
    if node.id == "sequence" and tok.isdigit() and int(tok) < len(node.value):
        return None, node.value[int(tok)]
    return None
