"""Shared helpers for the path, parameter, server and component rules.

Rules about path templates look at the root document's `paths` map directly
(each key is a template; its Path Item may be a `$ref`), because a Path Item
shared by several paths is walked only once, under the first of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import join
from apictl.core.refs import Workspace
from apictl.specs.openapi import model as m
from apictl.specs.openapi.access import Located, deref, is_oas2
from apictl.specs.openapi.model import Node
from apictl.specs.openapi.walker import MAP, OAS2, OAS3, ONE

# A template expression: `{name}`; the name may be empty (`{}`), which OAS219 reports.
TEMPLATE = re.compile(r"\{([^{}]*)\}")


def template_names(path: str) -> list[str]:
    """The variable names of a path (or server URL) template, in order, with
    repeats and without empty `{}`."""
    return [name for name in TEMPLATE.findall(path) if name]


def normalise(path: str) -> str:
    """The template with every variable name erased: `/a/{x}` -> `/a/{}`."""
    return TEMPLATE.sub("{}", path)


def path_keys(paths: Any) -> Iterator[str]:
    """The path templates of a Paths object (extensions skipped)."""
    if isinstance(paths, dict):
        for key in paths:
            if isinstance(key, str) and not key.startswith("x-"):
                yield key


def _operation_fields(version: str) -> list[tuple[str, str]]:
    table = OAS2 if is_oas2(version) else OAS3
    return [(name, mode) for name, (kind, mode) in table[m.PATH_ITEM].items() if kind == m.OPERATION]


def operations(item: Any, version: str) -> Iterator[tuple[tuple[str, ...], str, dict[str, Any]]]:
    """(tokens relative to the Path Item, method label, Operation) for each
    operation of a Path Item value, per the walker's table for the version."""
    if not isinstance(item, dict):
        return
    for name, mode in _operation_fields(version):
        value = item.get(name)
        if mode == ONE and isinstance(value, dict):
            yield (name,), name.upper(), value
        elif mode == MAP and isinstance(value, dict):
            for method, op in value.items():
                if isinstance(op, dict) and not str(method).startswith("x-"):
                    yield (name, method), str(method).upper(), op


@dataclass(slots=True)
class Param:
    """One entry of a `parameters` list: where the entry is written, and the
    Parameter it resolves to (None when its `$ref` does not resolve)."""

    index: int
    doc: Document  # where the entry is written
    pointer: str  # pointer of the entry
    is_ref: bool
    target: Located | None

    @property
    def name(self) -> Any:
        return self.target.value.get("name") if self.target is not None else None

    @property
    def location(self) -> Any:
        return self.target.value.get("in") if self.target is not None else None

    def pointer_of(self, field: str) -> tuple[Document, str]:
        """Where to report about `field` of this parameter: at the `$ref` when the
        entry is a reference (the use is what is wrong), else at the field."""
        if self.is_ref or self.target is None:
            return self.doc, join(self.pointer, "$ref") if self.is_ref else self.pointer
        return self.target.doc, join(self.target.pointer, field)


def parameters(ws: Workspace, holder: Any, doc: Document, pointer: str) -> list[Param]:
    """The entries of `holder.parameters` (an Operation or Path Item value),
    each resolved. Entries that are not objects are skipped."""
    out: list[Param] = []
    params = holder.get("parameters") if isinstance(holder, dict) else None
    if not isinstance(params, list):
        return out
    base = join(pointer, "parameters")
    for i, entry in enumerate(params):
        if not isinstance(entry, dict):
            continue
        entry_pointer = f"{base}/{i}"
        is_ref = "$ref" in entry
        target = deref(ws, entry, doc, entry_pointer)
        if target is not None and not isinstance(target.value, dict):
            target = None
        out.append(Param(i, doc, entry_pointer, is_ref, target))
    return out


def param_key(p: Param) -> tuple[str, str] | None:
    """(in, name) identifying a parameter; header names compare case-insensitively."""
    name, where = p.name, p.location
    if not isinstance(name, str) or not isinstance(where, str):
        return None
    return where, name.lower() if where == "header" else name


def quote_list(names: list[str]) -> str:
    return ", ".join(f"`{n}`" for n in names)


def path_item(ws: Workspace, paths: Any, doc: Document, pointer: str, key: str) -> Located | None:
    """The Path Item at `paths[key]`, its `$ref` followed; None if it is not an
    object or does not resolve."""
    loc = deref(ws, paths.get(key) if isinstance(paths, dict) else None, doc, join(pointer, key))
    return loc if loc is not None and isinstance(loc.value, dict) else None


def item_context(op: Node) -> str:
    """Where an Operation (or Path Item) node sits: paths | webhooks | callbacks | components."""
    item = op if op.kind == m.PATH_ITEM else op.ancestor(m.PATH_ITEM)
    parent = item.parent if item is not None else None
    if parent is None:
        return "paths"
    return {m.ROOT: "webhooks", m.CALLBACK: "callbacks", m.COMPONENTS: "components"}.get(parent.kind, "paths")


def op_label(op: Node) -> str:
    """`GET /pets/{id}`, or with where the operation is when it is not under `paths`."""
    method = op.method.upper()
    where = item_context(op)
    if where == "webhooks":
        return f"{method} of webhook `{op.path}`"
    if where == "callbacks":
        return f"{method} of callback `{op.path}`"
    if where == "components":
        return f"{method} of path item `{op.path}`"
    return f"{method} {op.path}"
