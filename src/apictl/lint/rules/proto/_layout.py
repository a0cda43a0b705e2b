"""Helpers shared by the module-wide protobuf rules."""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Iterator
from typing import Any

from apictl.core.registry import Finding
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.specs.proto.model import FILE_OPTION_NUMBERS, FILE_OPTIONS, Element, Method, ProtoDocument

IGNORE_PREFIXES = ("buf:lint:ignore", "apictl:lint:ignore")


def directory(name: str) -> str:
    return name.rsplit("/", 1)[0] if "/" in name else "."


def package_graph(files: dict[str, Any]) -> dict[str, set[str]]:
    graph: defaultdict[str, set[str]] = defaultdict(set)
    for fd in files.values():
        for dep in fd.dependency:
            target = files.get(dep)
            if target is not None and target.package and target.package != fd.package:
                graph[fd.package].add(target.package)
    return graph


def find_path(graph: dict[str, set[str]], start: str, goal: str) -> list[str]:
    """Shortest package path start -> ... -> goal (inclusive), or []."""
    parents: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            path: list[str] = []
            cur: str | None = node
            while cur is not None:
                path.append(cur)
                cur = parents[cur]
            return path[::-1]
        for nxt in sorted(graph.get(node, ())):
            if nxt not in parents:
                parents[nxt] = node
                queue.append(nxt)
    return []


def _option_value(doc: ProtoDocument, option: str) -> str:
    opts = doc.fd.options
    if not opts.HasField(option):
        return ""
    value = getattr(opts, option)
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def same_option(docs: list[ProtoDocument], option: str) -> Iterator[Finding]:
    by_pkg: defaultdict[str, list[ProtoDocument]] = defaultdict(list)
    for doc in docs:
        if doc.package:
            by_pkg[doc.package].append(doc)
    number = FILE_OPTION_NUMBERS[option]
    for pkg, files in by_pkg.items():
        values = {d.name: _option_value(d, option) for d in files}
        if len(set(values.values())) < 2:
            continue
        shown = json.dumps(",".join(sorted({v for v in values.values() if v})), ensure_ascii=False)  # Go's %q
        have = f"both values {shown} and no value" if "" in values.values() else f"multiple values {shown}"
        for doc in files:
            path = (FILE_OPTIONS, number) if values[doc.name] else ()
            yield report(
                doc, path, f'Files in package "{pkg}" have {have} for option "{option}" and all values must be equal.'
            )


_EMPTY = "google.protobuf.Empty"


def unique_request_response(ctx: ProtoRuleContext) -> Iterator[Finding]:
    allow_same = bool(ctx.options.get("rpc_allow_same_request_response"))
    allow_empty_req = bool(ctx.options.get("rpc_allow_google_protobuf_empty_requests"))
    allow_empty_resp = bool(ctx.options.get("rpc_allow_google_protobuf_empty_responses"))
    users: defaultdict[str, list[Method]] = defaultdict(list)
    methods = [m for m in ctx.of_kind("ProtoMethod") if isinstance(m, Method)]
    for m in methods:
        inp = str(m.desc.input_type).lstrip(".")
        out = str(m.desc.output_type).lstrip(".")
        if inp == out:
            if not allow_same:
                yield report(m.doc, m.path, f'RPC "{m.name}" has the same type "{inp}" for the request and response.')
            users[inp].append(m)
            continue
        if not (inp == _EMPTY and allow_empty_req):
            users[inp].append(m)
        if not (out == _EMPTY and allow_empty_resp):
            users[out].append(m)
    for name, used_by in users.items():
        if len(used_by) > 1:
            for m in used_by:
                yield report(m.doc, m.path, f'"{name}" is used as the request or response type for multiple RPCs.')


def has_comment(element: Element) -> bool:
    loc = element.comments
    if loc is None:
        return False
    for line in loc.leading.splitlines():
        text = line.strip()
        if text and not text.startswith(IGNORE_PREFIXES):
            return True
    return False
