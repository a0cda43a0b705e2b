"""Views over compiled descriptors: one `ProtoDocument` per file, and element
views (`Message`, `Field`, `Oneof`, `Enum`, `EnumValue`, `Service`, `Method`)
that know their descriptor path, so a finding's JSON pointer is that path
(`/4/0/2/1` = message 0, field 1) and its span is the `SourceCodeInfo` span + 1
— exactly the position buf prints."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.diagnostic import Span
from apictl.core.document import Document

# Field numbers of descriptor.proto, the vocabulary of descriptor paths.
FILE_PACKAGE, FILE_DEPENDENCY, FILE_MESSAGE, FILE_ENUM, FILE_SERVICE, FILE_EXTENSION = 2, 3, 4, 5, 6, 7
FILE_OPTIONS, FILE_SYNTAX, FILE_EDITION = 8, 12, 14
MSG_NAME, MSG_FIELD, MSG_NESTED, MSG_ENUM, MSG_EXTENSION, MSG_ONEOF = 1, 2, 3, 4, 6, 8
FIELD_NAME, FIELD_LABEL, FIELD_TYPE_NAME, FIELD_OPTIONS = 1, 4, 6, 8
ONEOF_NAME = 1
ENUM_NAME, ENUM_VALUE, ENUM_OPTIONS = 1, 2, 3
ENUM_OPT_ALLOW_ALIAS = 2
VALUE_NAME, VALUE_NUMBER = 1, 2
SERVICE_NAME, SERVICE_METHOD = 1, 2
METHOD_NAME, METHOD_INPUT, METHOD_OUTPUT = 1, 2, 3
METHOD_CLIENT_STREAMING, METHOD_SERVER_STREAMING = 5, 6
FILE_OPTION_NUMBERS = {
    "java_package": 1,
    "java_multiple_files": 10,
    "go_package": 11,
    "csharp_namespace": 37,
    "swift_prefix": 39,
    "php_namespace": 41,
    "ruby_package": 45,
}

DescPath = tuple[int, ...]


def pointer_of(path: DescPath) -> str:
    return "/" + "/".join(map(str, path)) if path else ""


def path_of(pointer: str) -> DescPath:
    return tuple(map(int, pointer[1:].split("/"))) if pointer else ()


def _span(s: Any) -> Span:
    """SourceCodeInfo spans are 0-based [line, col, (end_line,) end_col); ours are 1-based."""
    end_line, end_col = (s[2], s[3]) if len(s) == 4 else (s[0], s[2])
    return Span(s[0] + 1, s[1] + 1, end_line + 1, max(end_col, 1))


@dataclass
class Location:
    span: Span
    leading: str
    trailing: str
    detached: tuple[str, ...]


@dataclass(eq=False)
class ProtoDocument(Document):
    """A compiled `.proto` file. `data` is its `FileDescriptorProto`; `name` is its
    import path (relative to its module root)."""

    name: str = ""
    module_root: Path | None = None
    warnings: list[tuple[int, int, str]] = field(default_factory=list)  # protoc warnings (line, col, text)
    _locations: dict[DescPath, Any] | None = field(default=None, repr=False)
    # spans found in the text for paths protoc gives no location of its own (the inside of
    # an aggregate option `[(x) = {a: 1}]`); rules add them before reporting such a path
    extra_spans: dict[DescPath, Span] = field(default_factory=dict, repr=False)

    @property
    def fd(self) -> Any:
        return self.data

    @property
    def locations(self) -> dict[DescPath, Any]:
        """Descriptor path -> raw `SourceCodeInfo.Location` (the first one: later ones
        repeat a path, e.g. for options). Built once per file, only when asked."""
        if self._locations is None:
            locs = self.data.source_code_info.location
            self._locations = {tuple(loc.path): loc for loc in reversed(locs)}  # reversed: the first wins
        return self._locations

    def location(self, path: DescPath) -> Location | None:
        loc = self.locations.get(path)
        if loc is None:
            return None
        return Location(
            _span(loc.span), loc.leading_comments, loc.trailing_comments, tuple(loc.leading_detached_comments)
        )

    def declares(self, path: DescPath) -> bool:
        """Is there a statement at `path` among the file's first statements (syntax, edition)?"""
        for i, loc in enumerate(self.data.source_code_info.location):
            if i > 3:
                return False
            if tuple(loc.path) == path:
                return True
        return False

    def nearest(self, path: DescPath) -> Span:
        """The span of `path`, or of its nearest ancestor that has one (line 1 for the file)."""
        if path in self.extra_spans:
            return self.extra_spans[path]
        while path:
            loc = self.locations.get(path)
            if loc is not None:
                return _span(loc.span)
            path = path[:-1]
        return Span(1, 1, 1, 1)

    def spans(self, pointers: Iterable[str]) -> dict[str, Span]:
        by_path = self.spans_at({path_of(p) for p in pointers})
        return {p: by_path[path_of(p)] for p in pointers}

    def spans_at(self, paths: Iterable[DescPath]) -> dict[DescPath, Span]:
        """`nearest` for many paths at once. Without the full index built, one scan of
        the locations that stops when every wanted path was seen: building the index
        (a tuple per location, ~1.4 M on googleapis) cost more than the rules."""
        wanted = set(paths)
        if self._locations is not None or not wanted:
            return {p: self.nearest(p) for p in wanted}
        known = {p: self.extra_spans[p] for p in wanted if p in self.extra_spans}
        if known:
            return {**self.spans_at(wanted - known.keys()), **known}
        found: dict[DescPath, Any] = {}
        missing = set(wanted)
        for _ in range(2):  # second pass: the ancestors of paths without a location
            for loc in self.data.source_code_info.location:
                key = tuple(loc.path)
                if key in missing:
                    found[key] = loc
                    missing.discard(key)
                    if not missing:
                        break
            if not missing:
                break
            missing = {p[:i] for p in missing for i in range(1, len(p))} - found.keys()
            if not missing:
                break
        out: dict[DescPath, Span] = {}
        for p in wanted:
            q = p
            while q and q not in found:
                q = q[:-1]
            out[p] = _span(found[q].span) if q else Span(1, 1, 1, 1)
        return out

    @property
    def package(self) -> str:
        return str(self.data.package)

    @property
    def syntax_label(self) -> str:
        return str(self.data.syntax) or "proto2"


@dataclass(eq=False)
class Element:
    doc: ProtoDocument
    path: DescPath
    desc: Any
    full_name: str
    parent: Element | None = None

    kind = "ProtoElement"
    name_field = 1

    @property
    def name(self) -> str:
        return str(self.desc.name)

    @property
    def pointer(self) -> str:
        return pointer_of(self.path)

    @property
    def name_path(self) -> DescPath:
        return (*self.path, self.name_field)

    @property
    def comments(self) -> Location | None:
        return self.doc.location(self.path)


class Message(Element):
    kind = "ProtoMessage"

    @property
    def is_map_entry(self) -> bool:
        return bool(self.desc.options.map_entry)


class Field(Element):
    kind = "ProtoField"

    @property
    def message(self) -> Message | None:
        return self.parent if isinstance(self.parent, Message) else None


class Oneof(Element):
    kind = "ProtoOneof"

    def is_synthetic(self, message: Any) -> bool:
        """proto3 `optional` fields live in a synthetic oneof of their own."""
        index = self.path[-1]
        members = [f for f in message.field if f.HasField("oneof_index") and f.oneof_index == index]
        return len(members) == 1 and bool(members[0].proto3_optional)


class Enum(Element):
    kind = "ProtoEnum"


class EnumValue(Element):
    kind = "ProtoEnumValue"

    @property
    def enum(self) -> Enum:
        assert isinstance(self.parent, Enum)
        return self.parent


class Service(Element):
    kind = "ProtoService"


class Method(Element):
    kind = "ProtoMethod"

    @property
    def service(self) -> Service:
        assert isinstance(self.parent, Service)
        return self.parent


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def walk(doc: ProtoDocument) -> Iterator[Element]:
    """Every element of a file, parents before children, in declaration order."""
    fd = doc.fd
    pkg = str(fd.package)

    def enum(e: Any, path: DescPath, prefix: str, parent: Element | None) -> Iterator[Element]:
        node = Enum(doc, path, e, _join(prefix, e.name), parent)
        yield node
        for i, v in enumerate(e.value):
            yield EnumValue(doc, (*path, ENUM_VALUE, i), v, _join(prefix, v.name), node)

    def message(m: Any, path: DescPath, prefix: str, parent: Element | None) -> Iterator[Element]:
        full = _join(prefix, m.name)
        node = Message(doc, path, m, full, parent)
        yield node
        for i, f in enumerate(m.field):
            yield Field(doc, (*path, MSG_FIELD, i), f, _join(full, f.name), node)
        for i, f in enumerate(m.extension):
            yield Field(doc, (*path, MSG_EXTENSION, i), f, _join(full, f.name), node)
        for i, o in enumerate(m.oneof_decl):
            yield Oneof(doc, (*path, MSG_ONEOF, i), o, _join(full, o.name), node)
        for i, n in enumerate(m.nested_type):
            yield from message(n, (*path, MSG_NESTED, i), full, node)
        for i, e in enumerate(m.enum_type):
            yield from enum(e, (*path, MSG_ENUM, i), full, node)

    for i, m in enumerate(fd.message_type):
        yield from message(m, (FILE_MESSAGE, i), pkg, None)
    for i, e in enumerate(fd.enum_type):
        yield from enum(e, (FILE_ENUM, i), pkg, None)
    for i, s in enumerate(fd.service):
        svc = Service(doc, (FILE_SERVICE, i), s, _join(pkg, s.name))
        yield svc
        for j, m in enumerate(s.method):
            yield Method(doc, (FILE_SERVICE, i, SERVICE_METHOD, j), m, _join(svc.full_name, m.name), svc)
    for i, f in enumerate(fd.extension):
        yield Field(doc, (FILE_EXTENSION, i), f, _join(pkg, f.name), None)
