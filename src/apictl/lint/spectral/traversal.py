"""All JSONPaths of a ruleset, evaluated in one traversal of the resolved view.

The paths are run together as a non-deterministic automaton: a state is
(path, step), a node carries the set of states reached on the way to it,
and a child gets the states whose next step selects it (a `..` step also
stays alive in every container below). A node reached with a final state is
a match.

Shared nodes are expanded once. The resolved view is a graph (many `$ref`s
lead to the same schema); what a traversal finds below a node depends only
on the node, its states, and whether a `$ref` lies above it — unless a
filter looks at `@parentProperty` or `@path`, or a path ends in `~`/`^`, in
which case the key or path joins the memo key. This is what lets a `$..`
rule cost one pass over the written document rather than one pass per path
through the resolved one (Spectral's cost).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import escape
from apictl.lint.spectral.jsexpr import EvalContext
from apictl.lint.spectral.jsonpath import FILTER, NAME, SLICE, WILD, JsonPath, Step
from apictl.lint.spectral.jsvalues import is_array_index
from apictl.lint.spectral.resolved import Loc, ResolvedView

_SHIFT = 10  # state = path index << _SHIFT | step index


class Frame:
    __slots__ = ("raw", "doc", "pointer", "key", "parent", "crossed", "site", "site_doc", "site_pointer", "anchor")

    def __init__(
        self,
        raw: Any,
        doc: Document,
        pointer: str,
        key: Any,
        parent: Frame | None,
        crossed: bool,
        site: Any = None,
        site_doc: Document | None = None,
        site_pointer: str = "",
        anchor: str | None = None,
    ) -> None:
        self.raw = raw
        self.doc = doc
        self.pointer = pointer
        self.key = key
        self.parent = parent
        self.crossed = crossed
        self.site = site
        self.site_doc = site_doc
        self.site_pointer = site_pointer
        self.anchor = anchor

    def path(self) -> list[Any]:
        out: list[Any] = []
        f: Frame | None = self
        while f is not None and f.parent is not None:
            out.append(f.key)
            f = f.parent
        out.reverse()
        return out

    def loc(self) -> Loc:
        return Loc(
            self.raw, self.doc, self.pointer, self.crossed, self.site, self.site_doc, self.site_pointer, self.anchor
        )


@dataclass
class _States:
    finals: tuple[int, ...]  # path indexes that match here
    direct: dict[str, tuple[int, ...]]  # member name -> next states (plain `.name` steps)
    scan: tuple[tuple[int, Step], ...]  # steps that look at every child
    deep: tuple[int, ...]  # `..` states kept alive in container children
    key_matters: bool  # finals or children filters depend on this node's key
    path_matters: bool
    filters: bool
    slices: bool


Emit = Callable[[Frame, int], None]


@dataclass
class Traversal:
    paths: list[JsonPath]
    view: ResolvedView
    emit: Emit  # (frame of the match, path index)
    _ids: dict[frozenset[int], int] = field(default_factory=dict)
    _sets: list[frozenset[int]] = field(default_factory=list)
    _info: list[_States] = field(default_factory=list)
    _moves: list[tuple[dict[str, int], dict[str, int]]] = field(default_factory=list)
    _root: Any = None

    def _moves_for(self, sid: int) -> tuple[dict[str, int], dict[str, int]]:
        """Cached transitions (without filters or slices): (to scalar children, to containers)."""
        while len(self._moves) <= sid:
            self._moves.append(({}, {}))
        return self._moves[sid]

    def _intern(self, states: frozenset[int]) -> int:
        sid = self._ids.get(states)
        if sid is None:
            sid = len(self._sets)
            self._ids[states] = sid
            self._sets.append(states)
            self._info.append(self._analyse(states))
        return sid

    def _analyse(self, states: frozenset[int]) -> _States:
        finals: list[int] = []
        direct: dict[str, set[int]] = {}
        scan: list[tuple[int, Step]] = []
        deep: list[int] = []
        key_matters = path_matters = filters = slices = False
        for s in states:
            p, i = s >> _SHIFT, s & ((1 << _SHIFT) - 1)
            jp = self.paths[p]
            if i == len(jp.steps):
                finals.append(p)
                key_matters |= jp.keyed
                path_matters |= jp.parents > 0
                continue
            step = jp.steps[i]
            if step.deep:
                deep.append(s)
            if step.kind == NAME and not step.deep:
                for k in step.keys:
                    direct.setdefault(k, set()).add(s + 1)
            else:
                scan.append((s, step))
            if step.kind == FILTER and step.filter is not None:
                filters = True
                key_matters |= "@parentProperty" in step.filter.uses
                path_matters |= "@path" in step.filter.uses
            slices |= step.kind == SLICE
        return _States(
            tuple(sorted(finals)),
            {k: tuple(sorted(v)) for k, v in direct.items()},
            tuple(scan),
            tuple(deep),
            key_matters,
            path_matters,
            filters,
            slices,
        )

    def run(self) -> None:
        root_doc = self.view.ws.root
        root = Frame(root_doc.data, root_doc, "", None, None, False)
        start = frozenset(p << _SHIFT for p in range(len(self.paths)))
        stack: list[tuple[Frame, int]] = [(root, self._intern(start))]
        expanded: set[tuple[Any, ...]] = set()
        emitted: set[tuple[Any, ...]] = set()
        view = self.view
        resolve = view.resolve
        infos = self._info
        while stack:
            frame, sid = stack.pop()
            info = infos[sid]
            raw = frame.raw
            extra: Any = None
            if info.path_matters:
                extra = tuple(frame.path())
            elif info.key_matters:
                extra = frame.key
            if info.finals:
                site = frame.site
                site_class: Any = 0 if site is None else (1 if len(site) == 1 else id(site))
                ekey = (id(frame.doc), frame.pointer, sid, frame.crossed, site_class, frame.anchor, extra)
                if ekey not in emitted:
                    emitted.add(ekey)
                    for p in info.finals:
                        self.emit(frame, p)
            is_dict = type(raw) is dict
            if not is_dict and type(raw) is not list:
                continue
            if not info.direct and not info.scan:
                continue
            crossed = frame.crossed or frame.site is not None
            xkey = (id(frame.doc), frame.pointer, sid, crossed, frame.anchor, extra)
            if xkey in expanded:
                continue
            expanded.add(xkey)
            doc, pointer = frame.doc, frame.pointer
            if info.scan:
                items: Any = raw.items() if is_dict else enumerate(raw)
            else:
                items = ((k, raw[k]) for k in info.direct if k in raw) if is_dict else _indexed(raw, info.direct)
            parent_value: Any = None
            filtered = info.filters or info.slices
            moves = self._moves_for(sid)
            for k, c in items:
                ks = k if is_dict else str(k)
                child_ptr = ""
                target = None
                value = c
                tc = type(c)
                if tc is dict:
                    if resolve and "$ref" in c:
                        child_ptr = f"{pointer}/{ks if '~' not in ks and '/' not in ks else escape(ks)}"
                        target = view.follow(doc, child_ptr, c)
                        if target is not None:
                            value = target.value
                            tc = type(value)
                container = tc is dict or tc is list
                if filtered:
                    if not child_ptr:
                        child_ptr = f"{pointer}/{ks if '~' not in ks and '/' not in ks else escape(ks)}"
                    if parent_value is None:
                        parent_value = view.value_of(doc, pointer, raw)
                    nxt = self._next(info, frame, k, ks, value, target, child_ptr, parent_value, container, len(raw))
                else:
                    table = moves[container]
                    nxt = table.get(ks, -2)
                    if nxt == -2:
                        nxt = table[ks] = self._next(info, frame, k, ks, value, target, "", None, container, 0)
                if nxt < 0:
                    continue
                if not child_ptr:
                    child_ptr = f"{pointer}/{ks if '~' not in ks and '/' not in ks else escape(ks)}"
                if target is not None:
                    child = Frame(
                        target.value, target.doc, target.pointer, k, frame, crossed, c, doc, child_ptr, target.pointer
                    )
                else:
                    child = Frame(c, doc, child_ptr, k, frame, crossed, anchor=frame.anchor)
                stack.append((child, nxt))

    def _next(
        self,
        info: _States,
        frame: Frame,
        k: Any,
        ks: str,
        value: Any,
        target: Any,
        child_ptr: str,
        parent_value: Any,
        container: bool,
        length: int,
    ) -> int:
        nxt: set[int] = set()
        if container:
            nxt.update(info.deep)
        hit = info.direct.get(ks)
        if hit:
            nxt.update(hit)
        ctx: EvalContext | None = None
        for s, step in info.scan:
            kind = step.kind
            if kind == WILD:
                nxt.add(s + 1)
            elif kind == NAME:
                if ks in step.keys:
                    nxt.add(s + 1)
            elif kind == SLICE:
                if type(k) is int and step.slice_contains(k, length):
                    nxt.add(s + 1)
            elif step.filter is not None:
                if ctx is None:
                    ctx = self._context(frame, k, value, target, child_ptr, parent_value)
                if step.filter.matches(ctx):
                    nxt.add(s + 1)
        if not nxt:
            return -1
        return self._intern(frozenset(nxt))

    def _context(self, frame: Frame, k: Any, value: Any, target: Any, child_ptr: str, parent_value: Any) -> EvalContext:
        view = self.view
        doc = target.doc if target is not None else frame.doc
        pointer = target.pointer if target is not None else child_ptr
        resolved = view.value_of(doc, pointer, value)

        def path() -> str:
            return "$" + "".join(f"[{p}]" if type(p) is int else f"['{p}']" for p in [*frame.path(), k])

        return EvalContext(resolved, k, parent_value, frame.key, lambda: root_value(self), path)


def _indexed(raw: list[Any], direct: dict[str, tuple[int, ...]]) -> list[tuple[int, Any]]:
    return [(int(k), raw[int(k)]) for k in direct if is_array_index(k) and int(k) < len(raw)]


def root_value(traversal: Traversal) -> Any:
    """`@root`, resolved only if a filter asks for it."""
    if traversal._root is None:
        root = traversal.view.ws.root
        traversal._root = traversal.view.value_of(root, "", root.data)
    return traversal._root
