"""Which `$ref`s Spectral's resolver leaves unresolved, and which targets are referenced.

Spectral resolves a document with json-ref-resolver before running rules.
That resolver does not inline a reference that would make the document
infinite; which ones it keeps is decided globally, not per path:

- a reference to the node it sits in (or an ancestor) is never followed;
- every other reference S → T is recorded in a "stem graph": each ancestor
  P of S below the longest prefix P shares with T gets an edge P → T
  (json-ref-resolver's `pointerStemGraph`, built from the raw path parts);
- S is kept as written when a node reachable from T in that graph is an
  ancestor of S (T leads back to where S is written).

References between files are treated the same way here, with nodes named by
(document, pointer). The graph covers every document reached from the root.
The same crawl also yields the set of referenced targets that
`unreferencedReusableObject` compares against.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import PointerError, escape, from_fragment, split
from apictl.core.refs import RefError, Workspace


def _path(chain: Any) -> tuple[str, ...]:
    out: list[str] = []
    while chain is not None:
        out.append(chain[0])
        chain = chain[1]
    out.reverse()
    return tuple(out)


def doc_key(doc: Document) -> str:
    return str(doc.path) if doc.path is not None else doc.uri


@dataclass(slots=True)
class Site:
    doc: Document
    path: tuple[str, ...]  # where the `$ref` object is
    target_doc: Document
    target_path: tuple[str, ...]
    target_node: str  # "<doc key>#<fragment as written>", Spectral's node name
    self_parent: bool  # points at itself or an ancestor: never followed


@dataclass
class RefGraph:
    ws: Workspace
    sites: dict[tuple[str, tuple[str, ...]], Site] = field(default_factory=dict)
    _edges: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _node_path: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    _closure: dict[str, frozenset[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    _circular: dict[tuple[str, tuple[str, ...]], bool] = field(default_factory=dict)
    _crawled: set[str] = field(default_factory=set)
    _targets: dict[tuple[int, str], Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        pending = [self.ws.root]
        while pending:
            doc = pending.pop()
            key = doc_key(doc)
            if key in self._crawled:
                continue
            self._crawled.add(key)
            for site in self._crawl(doc):
                self.sites[(key, site.path)] = site
                if doc_key(site.target_doc) not in self._crawled:
                    pending.append(site.target_doc)
        for site in self.sites.values():
            if not site.self_parent:
                self._add_stems(site)

    def _crawl(self, doc: Document) -> list[Site]:
        out: list[Site] = []
        # (container, chain) where chain = (key, parent chain) | None: paths are built only for references
        stack: list[tuple[Any, Any]] = [(doc.data, None)]
        pop, push = stack.pop, stack.append
        while stack:
            value, chain = pop()
            items = value.items() if type(value) is dict else enumerate(value)
            for k, child in items:
                tc = type(child)
                if tc is dict:
                    ref = child.get("$ref")
                    if type(ref) is str:
                        site = self._site(doc, _path((str(k), chain)), ref)
                        if site is not None:
                            out.append(site)
                        continue  # json-ref-resolver does not look inside a reference object
                    push((child, (str(k), chain)))
                elif tc is list:
                    push((child, (str(k), chain)))
        return out

    def _site(self, doc: Document, path: tuple[str, ...], ref: str) -> Site | None:
        key = (id(doc), ref)
        target = self._targets.get(key, False)
        if target is False:
            target = self._target(doc, ref)
            self._targets[key] = target
        if target is None:
            return None
        target_doc, target_path, node = target
        self_parent = (
            target_doc is doc and 0 < len(target_path) <= len(path) and path[: len(target_path)] == target_path
        )
        return Site(doc, path, target_doc, target_path, node, self_parent)

    def _target(self, doc: Document, ref: str) -> tuple[Document, tuple[str, ...], str] | None:
        location, _, fragment = ref.partition("#")
        try:
            target_doc = doc if location == "" else self.ws.load(location, doc)
            target_path = tuple(split(from_fragment(fragment)))
        except (RefError, PointerError):
            return None
        node = f"{doc_key(target_doc)}#{fragment}"
        self._node_path[node] = (doc_key(target_doc), target_path)
        return target_doc, target_path, node

    def _add_stems(self, site: Site) -> None:
        """json-ref-resolver's stem loop, including its quirk of extending the
        stem with parts that match the target again after a divergence."""
        key = doc_key(site.doc)
        same_doc = site.target_doc is site.doc
        tp = site.target_path if same_doc else ()
        site_node = f"{key}#{''.join('/' + escape(p) for p in site.path)}"
        stem = ""
        tail = ""
        for i, part in enumerate(site.path):
            if same_doc and i < len(tp) and part == tp[i]:
                stem += "/" + part
            else:
                tail += "/" + part
                dep = f"{key}#{stem}{tail}"
                if dep != site_node and dep != site.target_node:
                    self._edges[dep].add(site.target_node)

    def _reachable(self, node: str) -> frozenset[tuple[str, tuple[str, ...]]]:
        hit = self._closure.get(node)
        if hit is not None:
            return hit
        seen: set[str] = set()
        stack = list(self._edges.get(node, ()))
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            stack.extend(self._edges.get(n, ()))
        seen.discard(node)
        out = frozenset(self._node_path[n] for n in seen if n in self._node_path)
        self._closure[node] = out
        return out

    def circular(self, doc: Document, path: tuple[str, ...]) -> bool:
        """Does Spectral keep the `$ref` at (doc, path) as written?"""
        key = (doc_key(doc), path)
        hit = self._circular.get(key)
        if hit is not None:
            return hit
        site = self.sites.get(key)
        if site is None:
            result = False
        elif site.self_parent:
            result = True
        else:
            stems = self._reachable(site.target_node)
            result = any((key[0], path[:n]) in stems for n in range(len(path) + 1))
        self._circular[key] = result
        return result

    def referenced(self) -> set[tuple[str, tuple[str, ...]]]:
        """(document key, path) of every reference target (self-references excluded)."""
        return {(doc_key(s.target_doc), s.target_path) for s in self.sites.values() if not s.self_parent}
