"""Read a file (or text) into a `Document`: JSON or YAML by content, with clear,
located errors for everything that can go wrong on the way."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from apictl.core.document import Document
from apictl.core.errors import InputError

MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 1000  # libyaml's own limit; JSON is held to the same

# Nested data is walked recursively; nesting is bounded above, so this is safe.
if sys.getrecursionlimit() < 20_000:
    sys.setrecursionlimit(20_000)


def display_path(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith(".." + os.sep + "..") else rel


def decode(raw: bytes, uri: str) -> str:
    if b"\x00" in raw[:8192]:
        raise InputError("binary file (contains NUL bytes); expected YAML or JSON text", uri=uri)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x})", uri=uri, line=line, col=col) from None
    if not text.strip():
        raise InputError("empty file", uri=uri)
    return text


def read_file(path: Path, uri: str | None = None) -> str:
    uri = uri or display_path(path)
    try:
        if path.is_dir():
            raise InputError("is a directory, expected a file", uri=uri)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"file is too large ({size} bytes; limit {MAX_FILE_BYTES})", uri=uri)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", uri=uri) from None
    except PermissionError:
        raise InputError("permission denied", uri=uri) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", uri=uri) from None
    return decode(raw, uri)


def parse_json(text: str, uri: str) -> Any:
    import orjson

    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        msg = str(exc.msg) if hasattr(exc, "msg") else str(exc)
        if "recursion" in msg.lower() or "depth" in msg.lower():
            raise InputError("document nests deeper than 1024 levels", uri=uri) from None
        if "integer" in msg.lower() or "number" in msg.lower():
            return _parse_json_stdlib(text, uri)  # e.g. integers beyond 64 bits
        raise InputError(f"invalid JSON: {msg}", uri=uri, line=exc.lineno, col=exc.colno) from None


def _parse_json_stdlib(text: str, uri: str) -> Any:
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", uri=uri, line=exc.lineno, col=exc.colno) from None
    except (RecursionError, ValueError) as exc:
        raise InputError(f"invalid JSON: {exc}", uri=uri) from None


def looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def parse_text(text: str, uri: str, path: Path | None = None) -> Document:
    if looks_like_json(text):
        return Document(uri=uri, text=text, data=parse_json(text, uri), syntax="json", path=path)
    from apictl.core import yaml_tree

    root = yaml_tree.compose(text, uri)
    if root is None:
        raise InputError("empty document", uri=uri)
    data = yaml_tree.to_data(root, uri)
    return Document(uri=uri, text=text, data=data, syntax="yaml", path=path, yaml_root=root)


def load_file(path: Path, uri: str | None = None) -> Document:
    path = Path(path)
    uri = uri or display_path(path)
    text = read_file(path, uri)
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path.absolute()
    return parse_text(text, uri, resolved)
