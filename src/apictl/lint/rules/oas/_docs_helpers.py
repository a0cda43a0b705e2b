"""Helpers shared by the naming (OAS1xx) and documentation (OAS4xx) rules:
"is this text field present and non-blank", how to name an operation in a
message, where server hosts are written (3.x `servers`, 2.0 `host`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from apictl.core.document import Document
from apictl.core.registry import Finding
from apictl.lint.context import RuleContext
from apictl.specs.openapi.access import is_oas2, server_urls
from apictl.specs.openapi.model import CALLBACK, COMPONENTS, PATH_ITEM, PATHS, ROOT, SERVER, Node

MISSING, BLANK = "missing", "blank"


def text_state(node: Node, field: str) -> str | None:
    """`MISSING` when `field` is absent (or null), `BLANK` when it is an empty or
    whitespace-only string, None when it has text (or is not a string at all:
    valid-structure reports wrong types)."""
    if not isinstance(node.value, dict):
        return None
    value = node.value.get(field)
    if value is None:
        return MISSING
    if isinstance(value, str) and not value.strip():
        return BLANK
    return None


def require_text(node: Node, field: str, missing: str, blank: str) -> Iterator[Finding]:
    """A finding at `node` when `field` is missing, at the field when it is blank."""
    state = text_state(node, field)
    if state == MISSING:
        yield node.report(missing)
    elif state == BLANK:
        yield node.report(blank, field)


def in_callback(op: Node) -> bool:
    """Whether an Operation describes a callback (a request the API sends)."""
    return op.ancestor(CALLBACK) is not None


def op_label(op: Node) -> str:
    """How messages name an operation: `GET /pets`, `POST webhook newPet`, …"""
    method = op.method.upper()
    item = op if op.kind == PATH_ITEM else op.ancestor(PATH_ITEM)
    if item is None:
        return f"{method} operation"
    owner = item.parent.kind if item.parent is not None else None
    if owner == PATHS:
        return f"{method} {item.key}"
    if owner == ROOT:
        return f"{method} webhook `{item.key}`"
    if owner == CALLBACK:
        return f"{method} callback `{item.key}`"
    if owner == COMPONENTS:
        return f"{method} path item `{item.key}`"
    return f"{method} {item.key}"


def quote(value: Any) -> str:
    """A value in a message, in backticks."""
    return f"`{value}`"


_SCHEME = re.compile(r"^[^/?#]*://|^//")


def url_host(url: str) -> str | None:
    """The host of an absolute server URL (variables allowed), lower-cased; None for relative URLs."""
    m = _SCHEME.match(url)
    if m is None:
        return None
    authority = re.split(r"[/?#]", url[m.end() :], maxsplit=1)[0]
    host = authority.rsplit("@", 1)[-1]
    if host.startswith("["):  # IPv6 literal
        return host.split("]", 1)[0] + "]"
    return host.split(":", 1)[0].lower()


def server_sites(ctx: RuleContext) -> Iterator[tuple[str, Document, str]]:
    """(url, document, pointer of the url) for every Server Object of a 3.x API
    (top-level, path and operation servers), or the 2.0 `host` + `basePath`
    (one entry, pointing at `host`)."""
    if is_oas2(ctx.version):
        seen: set[str] = set()
        for url, pointer in server_urls(ctx.data, ctx.version):
            if pointer not in seen:
                seen.add(pointer)
                yield url, ctx.doc, pointer
        return
    for server in ctx.nodes[SERVER]:
        url = server.get("url")
        if isinstance(url, str):
            yield url, server.doc, server.pointer + "/url"
