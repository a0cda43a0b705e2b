"""Typed view of an OpenAPI document: node kinds and `Node`.

A `Node` is a value at a place: its kind (Operation, Schema, …), the data, the
document it is written in and its JSON pointer there, and the node it was
reached from. Rules report through `node.report(...)` so that positions always
name the file where the node is written, also behind a `$ref`.
"""

from __future__ import annotations

from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import join
from apictl.core.registry import Finding

ROOT = "Root"
INFO = "Info"
CONTACT = "Contact"
LICENSE = "License"
SERVER = "Server"
SERVER_VARIABLE = "ServerVariable"
PATHS = "Paths"
PATH_ITEM = "PathItem"
OPERATION = "Operation"
PARAMETER = "Parameter"
REQUEST_BODY = "RequestBody"
RESPONSES = "Responses"
RESPONSE = "Response"
MEDIA_TYPE = "MediaType"
ENCODING = "Encoding"
HEADER = "Header"
SCHEMA = "Schema"
EXAMPLE = "Example"
LINK = "Link"
CALLBACK = "Callback"
COMPONENTS = "Components"
SECURITY_SCHEME = "SecurityScheme"
SECURITY_REQUIREMENT = "SecurityRequirement"
TAG = "Tag"
EXTERNAL_DOCS = "ExternalDocs"
OAUTH_FLOWS = "OAuthFlows"
REF = "Ref"  # a `$ref` site; dispatched with the resolution outcome
DOCUMENT = "Document"  # the whole document, before the walk

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class Node:
    __slots__ = ("kind", "value", "doc", "pointer", "parent", "key")

    def __init__(self, kind: str, value: Any, doc: Document, pointer: str, parent: Node | None, key: str | int | None):
        self.kind = kind
        self.value = value
        self.doc = doc
        self.pointer = pointer
        self.parent = parent
        self.key = key

    def report(self, message: str, *tokens: str | int) -> Finding:
        """A finding at this node, or at a child of it (`node.report(msg, "operationId")`)."""
        return Finding(self.doc, join(self.pointer, *tokens), message)

    def get(self, key: str, default: Any = None) -> Any:
        return self.value.get(key, default) if isinstance(self.value, dict) else default

    def ancestor(self, kind: str) -> Node | None:
        cur = self.parent
        while cur is not None and cur.kind != kind:
            cur = cur.parent
        return cur

    # Operation helpers ---------------------------------------------------
    @property
    def method(self) -> str:
        return str(self.key) if self.kind == OPERATION else ""

    @property
    def path(self) -> str:
        """The path template of an Operation or PathItem (for webhooks: its name)."""
        item = self if self.kind == PATH_ITEM else self.ancestor(PATH_ITEM)
        return str(item.key) if item is not None and item.key is not None else ""

    def __repr__(self) -> str:
        return f"<{self.kind} {self.doc.uri}#{self.pointer}>"
