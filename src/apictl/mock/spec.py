"""A contract loaded for mocking: the documents (through apictl's loader and
`$ref` workspace), the path templates, the servers' base paths, and the
operations, built on first use (GitHub's 1,223 operations cost nothing at start).

OpenAPI 2.0, 3.0, 3.1 (and 3.2) documents are served as written; a Postman
collection is read as the OpenAPI document it implies (`specs.postman`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from apictl.core.document import Document
from apictl.core.errors import InputError
from apictl.core.loader import display_path, load_file, read_file
from apictl.core.pointer import join
from apictl.core.refs import Workspace
from apictl.mock.model import Operation
from apictl.mock.oas import OperationBuilder
from apictl.specs.openapi.access import Located, deref, server_urls
from apictl.specs.openapi.jsonschema import SchemaValidators
from apictl.specs.openapi.model import HTTP_METHODS
from apictl.specs.openapi.version import detect
from apictl.specs.postman import is_collection, to_openapi

_BASE64 = re.compile(r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _is_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# Formats Prism's validator (ajv-formats) checks beyond those jsonschema-rs knows.
REQUEST_FORMATS = {"byte": lambda v: bool(_BASE64.match(v)), "date": _is_date}


@dataclass
class MockSpec:
    source: Path
    ws: Workspace
    version: str  # oas2 | oas3.0 | oas3.1 | oas3.2
    origin: str  # "openapi" | "postman"
    items: dict[str, Located]  # path template -> its Path Item (resolved)
    base_paths: list[str]
    validators: SchemaValidators
    builder: OperationBuilder
    faker_options: dict[str, Any] = field(default_factory=dict)  # the document's `x-json-schema-faker`
    _ops: dict[tuple[str, str], Operation | None] = field(default_factory=dict)

    def methods(self, path: str) -> list[str]:
        item = self.items.get(path)
        if item is None or not isinstance(item.value, dict):
            return []
        return [m.upper() for m in HTTP_METHODS if isinstance(item.value.get(m), dict)]

    def operation(self, path: str, method: str) -> Operation | None:
        key = (path, method.upper())
        if key not in self._ops:
            item = self.items.get(path)
            m = method.lower()
            ok = item is not None and isinstance(item.value, dict) and isinstance(item.value.get(m), dict)
            self._ops[key] = self.builder.build(path, item, m) if ok and item is not None else None
        return self._ops[key]

    def files(self) -> list[Path]:
        """Every local file the contract is made of (for --watch)."""
        return [d.path for d in self.ws.docs.values() if d.path is not None]


def load_spec(path: Path, ref_root: Path | None = None, allow_remote: bool = False) -> MockSpec:
    """Load a contract; raises InputError (one line, located) when it cannot be served."""
    path = Path(path)
    doc = _load(path)
    data = doc.data
    origin = "openapi"
    if is_collection(data):
        origin = "postman"
        doc = Document(uri=doc.uri, text=doc.text, data=to_openapi(data), syntax="json", path=doc.path)
        data = doc.data
    version = detect(data, doc.uri)
    doc.kind = version
    root_dir = ref_root if ref_root is not None else (doc.path.parent if doc.path is not None else None)
    ws = Workspace(doc, root_dir=root_dir, allow_remote=allow_remote)
    items = _path_items(ws, data)
    if not isinstance(data.get("paths", {}), dict):
        raise InputError("'paths' must be a mapping of path templates to Path Items", uri=doc.uri)
    base_paths = []
    for url, _pointer in server_urls(data, version):
        base = _base_path(url)
        if base:
            base_paths.append(base)
    if version == "oas2" and isinstance(data.get("basePath"), str) and "host" not in data:
        base_paths.append(data["basePath"].rstrip("/"))
    faker = data.get("x-json-schema-faker")
    return MockSpec(
        source=path,
        ws=ws,
        version=version,
        origin=origin,
        items=items,
        base_paths=base_paths,
        validators=SchemaValidators(ws, version, formats=REQUEST_FORMATS),
        builder=OperationBuilder(ws, version),
        faker_options=faker if isinstance(faker, dict) else {},
    )


def _load(path: Path) -> Document:
    try:
        return load_file(path)
    except InputError as exc:
        # JSON with trailing commas (as Postman exports and Prism accept) is valid YAML.
        if not str(exc.message).startswith("invalid JSON"):
            raise
        from apictl.core import yaml_tree

        uri = display_path(path)
        text = read_file(path, uri)
        try:
            root = yaml_tree.compose(text, uri)
        except InputError:
            raise exc from None
        if root is None:
            raise exc from None
        data = yaml_tree.to_data(root, uri)
        return Document(uri=uri, text=text, data=data, syntax="yaml", path=path.resolve(), yaml_root=root)


def _path_items(ws: Workspace, data: dict[str, Any]) -> dict[str, Located]:
    paths = data.get("paths")
    out: dict[str, Located] = {}
    if not isinstance(paths, dict):
        return out
    for template, item in paths.items():
        if not isinstance(template, str) or not template.startswith("/"):
            continue
        loc = deref(ws, item, ws.root, join("/paths", template))
        if loc is not None and isinstance(loc.value, dict):
            out[template] = loc
    return out


def _base_path(url: str) -> str:
    """'/v1' of 'https://api.example.com/v1/' or of '{scheme}://host/v1' (variables keep their text)."""
    try:
        parts = urlsplit(url if "://" in url or url.startswith("/") else "//" + url)
    except ValueError:
        return ""
    path = parts.path.rstrip("/")
    return "" if "{" in path else path
