"""The document as Spectral's rules see it: `$ref`s resolved, lazily.

Nothing is inlined up front. A `Loc` is a node of the resolved view together
with where it is *written* (document + JSON pointer); stepping into a child
that is a `$ref` object lands on the target (in whichever file), unless
Spectral's resolver would keep that reference (see `refgraph`). Because that
decision is global, the resolved form of a written node is the same however
it is reached, so `value()` can build it once and share it.

`locate()` maps a result path (a node plus the segments a function added)
to the document, pointer and `{{property}}` text Spectral would report,
reproducing `DocumentInventory.findAssociatedItemForPath`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from apictl.core.document import Document
from apictl.core.pointer import escape
from apictl.core.refs import RefError, Target, Workspace
from apictl.lint.spectral import jsvalues as js
from apictl.lint.spectral.refgraph import RefGraph


@dataclass(slots=True)
class Loc:
    raw: Any  # the value as written (for a followed `$ref`: the target)
    doc: Document
    pointer: str
    crossed: bool = False  # a followed `$ref` lies strictly above this node
    site: Any = None  # the `$ref` object this node was reached through, if any
    site_doc: Document | None = None
    site_pointer: str = ""
    anchor: str | None = None  # pointer of the last followed `$ref`'s target on the way here


class Location:
    __slots__ = ("doc", "pointer", "tail", "_property")

    def __init__(self, doc: Document, pointer: str, tail: list[str]) -> None:
        self.doc = doc
        self.pointer = pointer
        self.tail = tail
        self._property: str | None = None

    @property
    def property(self) -> str:
        """Spectral's {{property}}."""
        if self._property is None:
            self._property = _property(self.pointer, self.tail)
        return self._property


def is_ref(value: Any) -> bool:
    return type(value) is dict and isinstance(value.get("$ref"), str)


class ResolvedView:
    def __init__(self, ws: Workspace, resolve: bool = True) -> None:
        self.ws = ws
        self.resolve = resolve
        self._graph: RefGraph | None = None
        self._targets: dict[int, Target | None] = {}
        self._values: dict[int, Any] = {}

    @property
    def graph(self) -> RefGraph:
        if self._graph is None:
            self._graph = RefGraph(self.ws)
        return self._graph

    def root(self) -> Loc:
        return Loc(self.ws.root.data, self.ws.root, "")

    def follow(self, doc: Document, pointer: str, ref_obj: dict[str, Any]) -> Target | None:
        """The target of the `$ref` object at (doc, pointer), or None when it stays as written."""
        key = id(ref_obj)
        if key in self._targets:
            return self._targets[key]
        target: Target | None = None
        if self.resolve:
            try:
                path = tuple(_unescape_pointer(pointer))
                if not self.graph.circular(doc, path):
                    target = self.ws.resolve(ref_obj["$ref"], doc)
                    # a target that is itself a reference with siblings is resolved too
                    hops = 0
                    while target is not None and is_ref(target.value) and hops < 32:
                        hops += 1
                        if self.graph.circular(target.doc, tuple(_unescape_pointer(target.pointer))):
                            break
                        target = self.ws.resolve(target.value["$ref"], target.doc)
            except RefError:
                target = None
        self._targets[key] = target
        return target

    def child(self, node: Loc, key: Any) -> Loc | None:
        raw = node.raw
        if isinstance(raw, dict):
            k = str(key)
            if k not in raw:
                return None
            c = raw[k]
        elif isinstance(raw, list):
            k = str(key)
            if not js.is_array_index(k) or int(k) >= len(raw):
                return None
            c = raw[int(k)]
        else:
            return None
        pointer = f"{node.pointer}/{escape(k)}"
        crossed = node.crossed or node.site is not None
        if type(c) is dict and "$ref" in c:
            target = self.follow(node.doc, pointer, c)
            if target is not None:
                return Loc(target.value, target.doc, target.pointer, crossed, c, node.doc, pointer, target.pointer)
        return Loc(c, node.doc, pointer, crossed, anchor=node.anchor)

    def value(self, node: Loc) -> Any:
        """The resolved value of a node (shared, built once per written node)."""
        return self.value_of(node.doc, node.pointer, node.raw)

    def value_of(self, doc: Document, pointer: str, raw: Any) -> Any:
        if not isinstance(raw, (dict, list)) or not self.resolve:
            return raw
        hit = self._values.get(id(raw))
        if hit is not None:
            return hit
        in_progress: set[int] = set()
        stack: list[tuple[Document, str, Any, bool]] = [(doc, pointer, raw, False)]
        while stack:
            d, p, r, expanded = stack.pop()
            rid = id(r)
            if rid in self._values:
                continue
            if not expanded:
                in_progress.add(rid)
                stack.append((d, p, r, True))
                for cd, cp, cr in self._children(d, p, r):
                    if isinstance(cr, (dict, list)) and id(cr) not in self._values and id(cr) not in in_progress:
                        stack.append((cd, cp, cr, False))
                continue
            changed = False
            resolved_items: list[Any] = []
            for _, _, cr in self._children(d, p, r):
                v = self._values.get(id(cr), cr) if isinstance(cr, (dict, list)) else cr
                resolved_items.append(v)
            if isinstance(r, dict):
                originals = list(r.values())
                changed = any(a is not b for a, b in zip(resolved_items, originals, strict=True))
                self._values[rid] = dict(zip(r.keys(), resolved_items, strict=True)) if changed else r
            else:
                changed = any(a is not b for a, b in zip(resolved_items, r, strict=True))
                self._values[rid] = resolved_items if changed else r
            in_progress.discard(rid)
        return self._values.get(id(raw), raw)

    def _children(self, doc: Document, pointer: str, raw: Any) -> list[tuple[Document, str, Any]]:
        out: list[tuple[Document, str, Any]] = []
        items = raw.items() if isinstance(raw, dict) else enumerate(raw)
        for k, c in items:
            cp = f"{pointer}/{escape(str(k))}"
            if type(c) is dict and "$ref" in c:
                target = self.follow(doc, cp, c)
                if target is not None:
                    out.append((target.doc, target.pointer, target.value))
                    continue
            out.append((doc, cp, c))
        return out

    def locate(self, node: Loc, rel: list[Any], key: Any = None) -> Location:
        """Where Spectral reports a result at `node` + `rel` (segments a function
        added); `key` is the node's key on the path it was reached by."""
        return self.finish(*self.walk(node, rel, key))

    def walk(self, node: Loc, rel: list[Any], key: Any = None) -> tuple[Loc, list[str], str | None]:
        """The deepest existing node along `rel`, the segments beyond it, and its key."""
        current = node
        last_key = None if key is None else str(key)
        tail: list[str] = []
        for seg in rel:
            if tail:
                tail.append(str(seg))
                continue
            nxt = self.child(current, seg) if self.resolve else _raw_child(current, seg)
            if nxt is None:
                tail.append(str(seg))
            else:
                current = nxt
                last_key = str(seg)
        return current, tail, last_key

    def finish(self, current: Loc, tail: list[str], last_key: str | None) -> Location:
        if tail and current.crossed and last_key is not None and last_key in tail:
            # findAssociatedItemForPath takes the part after the *last* occurrence of that key
            tail = tail[len(tail) - tail[::-1].index(last_key) :]
        doc, pointer = current.doc, current.pointer
        if self.resolve and not current.crossed and current.site is not None:
            # reached the `$ref` object itself without crossing another one first
            if len(current.site) != 1:  # a reference with siblings is reported where it is written
                assert current.site_doc is not None
                doc, pointer = current.site_doc, current.site_pointer
            else:
                tail = []
        elif self.resolve and not current.crossed and type(current.raw) is dict and is_ref(current.raw):
            if len(current.raw) == 1:
                tail = []  # a reference kept as written, reached directly
        elif current.crossed and current.anchor is not None and current.site is None:
            pointer = _truncate_escaped(current.anchor, pointer)
        return Location(doc, pointer, tail)


def _truncate_escaped(anchor: str, pointer: str) -> str:
    """Spectral maps a result below a followed `$ref` back to where it is written
    by appending URI-encoded segments to the reference; a member whose name
    needs encoding (`$top`, `{id}`, spaces, non-ASCII) is then not found, and
    the result lands on its parent."""
    if not pointer.startswith(anchor):
        return pointer
    rest = pointer[len(anchor) :]
    if _URI_SAFE.match(rest):
        return pointer
    kept = anchor
    for token in rest.split("/")[1:]:
        if quote(token, safe="!*'()~") != token:
            break
        kept += "/" + token
    return kept


_URI_SAFE = re.compile(r"[A-Za-z0-9\-_.!~*'()/]*\Z")
_SPACE = re.compile(r"\s")


def _raw_child(node: Loc, seg: Any) -> Loc | None:
    raw = node.raw
    k = str(seg)
    if isinstance(raw, dict) and k in raw:
        return Loc(raw[k], node.doc, f"{node.pointer}/{escape(k)}")
    if isinstance(raw, list) and js.is_array_index(k) and int(k) < len(raw):
        return Loc(raw[int(k)], node.doc, f"{node.pointer}/{k}")
    return None


def _unescape_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def _property(pointer: str, tail: list[str]) -> str:
    last = pointer[pointer.rfind("/") + 1 :].replace("~1", "/").replace("~0", "~") if pointer else None
    if not tail:
        return last if last is not None else ""
    if last is None:
        return dot_path(tail[-1:])  # JavaScript's slice(-1) when the path is empty
    return dot_path([last, *tail])


def dot_path(segments: list[str]) -> str:
    """spectral-runtime's printPath(…, PrintStyle.Dot)."""
    out = ""
    for i, seg in enumerate(segments):
        if seg == "":
            out += "['']"
        elif _SPACE.search(seg):
            out += f"['{seg}']"
        elif (seg[0] in "0123456789+-.I") and js.string_to_number(seg) == js.string_to_number(seg):  # numeric
            out += f"[{seg}]"
        else:
            out += seg if i == 0 else "." + seg
    return out.replace("~1", "/").replace("~0", "~")
