"""buf images (`buf build -o image.binpb`) and protoc descriptor sets as input:
a serialized FileDescriptorSet whose files may carry buf's `ImageFileExtension`
(field 8042; its field 1 says "this file is only an import")."""

from __future__ import annotations

from pathlib import Path

from apictl.core.errors import InputError
from apictl.specs.proto.compiler import Compiled
from apictl.specs.proto.model import ProtoDocument
from apictl.specs.proto.workspace import Module

IMAGE_SUFFIXES = (".binpb", ".pb", ".bin", ".desc", ".protoset")
_BUF_EXTENSION = 8042


def is_image(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    shift = value = 0
    while True:
        if i >= len(buf):
            raise ValueError("truncated varint")
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if not b & 0x80:
            return value, i
        shift += 7


def _fields(buf: bytes) -> list[tuple[int, int, object]]:
    """Top-level (number, wire type, value) of a serialized message."""
    out: list[tuple[int, int, object]] = []
    i = 0
    while i < len(buf):
        key, i = _varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            v, i = _varint(buf, i)
            out.append((number, wire, v))
        elif wire == 1:
            out.append((number, wire, buf[i : i + 8]))
            i += 8
        elif wire == 2:
            n, i = _varint(buf, i)
            out.append((number, wire, buf[i : i + n]))
            i += n
        elif wire == 5:
            out.append((number, wire, buf[i : i + 4]))
            i += 4
        else:
            raise ValueError(f"unsupported wire type {wire}")
    return out


def _is_import(raw_file: bytes) -> bool:
    for number, wire, value in _fields(raw_file):
        if number == _BUF_EXTENSION and wire == 2 and isinstance(value, bytes):
            for n, w, v in _fields(value):
                if n == 1 and w == 0:
                    return bool(v)
    return False


def read_image(path: Path) -> tuple[Module, Compiled]:
    from google.protobuf import descriptor_pb2
    from google.protobuf.message import DecodeError

    uri = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read image: {exc.strerror}", uri=uri) from None
    try:
        fds = descriptor_pb2.FileDescriptorSet.FromString(raw)
        raws = [v for n, w, v in _fields(raw) if n == 1 and w == 2 and isinstance(v, bytes)]
        imports = [_is_import(r) for r in raws]
    except (DecodeError, ValueError, IndexError) as exc:
        raise InputError(f"not a buf image / FileDescriptorSet ({exc})", uri=uri) from None
    if not fds.file:
        raise InputError("empty image: no files", uri=uri)
    module = Module(path.resolve().parent)
    out = Compiled()
    for fd, only_import in zip(fds.file, imports, strict=False):
        out.files[fd.name] = fd
        if not only_import:
            out.docs.append(ProtoDocument(uri=fd.name, text="", data=fd, syntax="proto", kind="proto", name=fd.name))
    return module, out
