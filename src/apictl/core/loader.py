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
    # Strip the BOM ourselves: "utf-8-sig" reports error offsets relative to the
    # text after it, which would name the wrong byte. The BOM is not a column.
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        line_start = body.rfind(b"\n", 0, exc.start) + 1
        col = len(body[line_start : exc.start].decode("utf-8", "replace")) + 1  # columns count characters
        raise InputError(f"not UTF-8 text (byte 0x{body[exc.start]:02x})", uri=uri, line=line, col=col) from None
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


JSON_MAX_DEPTH = 1024  # orjson's limit, applied to the stdlib fallback too


def parse_json(text: str, uri: str) -> Any:
    import orjson

    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        msg = str(exc.msg) if hasattr(exc, "msg") else str(exc)
        if "recursion" in msg.lower() or "depth" in msg.lower():
            raise InputError(f"document nests deeper than {JSON_MAX_DEPTH} levels", uri=uri) from None
        if "integer" in msg.lower() or "number" in msg.lower():
            return _parse_json_stdlib(text, uri)  # e.g. integers beyond 64 bits
        raise InputError(f"invalid JSON: {msg}", uri=uri, line=exc.lineno, col=exc.colno) from None


def _parse_json_stdlib(text: str, uri: str) -> Any:
    import json

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", uri=uri, line=exc.lineno, col=exc.colno) from None
    except RecursionError:
        raise InputError(f"document nests deeper than {JSON_MAX_DEPTH} levels", uri=uri) from None
    except ValueError as exc:
        raise InputError(f"invalid JSON: {exc}", uri=uri) from None
    # The stdlib has no depth limit of its own: hold it to orjson's, iteratively.
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > JSON_MAX_DEPTH:
                raise InputError(f"document nests deeper than {JSON_MAX_DEPTH} levels", uri=uri)
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return data


def looks_like_json(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def parse_text(text: str, uri: str, path: Path | None = None) -> Document:
    # libyaml skips a BOM without counting it in its offsets: drop it so that
    # positions index `Document.text` the same way for YAML and JSON.
    text = text.removeprefix("\ufeff")
    if looks_like_json(text):
        return Document(uri=uri, text=text, data=parse_json(text, uri), syntax="json", path=path)
    from apictl.core import yaml_tree

    root = yaml_tree.compose(text, uri)
    if root is None:
        raise InputError("empty document", uri=uri)
    duplicates: list[str] = []
    data = yaml_tree.to_data(root, uri, duplicates)
    return Document(uri=uri, text=text, data=data, syntax="yaml", path=path, yaml_root=root, duplicate_keys=duplicates)


def load_file(path: Path, uri: str | None = None) -> Document:
    path = Path(path)
    uri = uri or display_path(path)
    text = read_file(path, uri)
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path.absolute()
    return parse_text(text, uri, resolved)
