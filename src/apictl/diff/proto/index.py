"""One side of a protobuf diff, indexed the way buf pairs elements: files by path;
messages, enums and services by fully-qualified name across all files; message
fields by number; extensions by extendee + number; RPCs by name in their service."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from apictl.specs.proto.model import (
    FILE_ENUM,
    FILE_EXTENSION,
    FILE_MESSAGE,
    FILE_SERVICE,
    MSG_ENUM,
    MSG_EXTENSION,
    MSG_FIELD,
    MSG_NESTED,
    Element,
    Enum,
    Field,
    Message,
    ProtoDocument,
    Service,
)


def nested_name(el: Element) -> str:
    pkg = el.doc.package
    return el.full_name[len(pkg) + 1 :] if pkg else el.full_name


@dataclass
class SideIndex:
    docs: list[ProtoDocument]
    all_files: dict[str, Any]  # import name -> FileDescriptorProto (imports too), for type lookups
    files: dict[str, ProtoDocument] = field(default_factory=dict)
    messages: dict[str, Message] = field(default_factory=dict)
    enums: dict[str, Enum] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    extensions: dict[tuple[str, int], Field] = field(default_factory=dict)
    file_messages: dict[str, dict[str, Message]] = field(default_factory=dict)  # file -> nested name -> message
    file_enums: dict[str, dict[str, Enum]] = field(default_factory=dict)
    file_extensions: dict[str, dict[str, Field]] = field(default_factory=dict)
    file_services: dict[str, dict[str, Service]] = field(default_factory=dict)
    packages: dict[str, list[ProtoDocument]] = field(default_factory=dict)
    _fields: dict[int, dict[int, Field]] = field(default_factory=dict)
    _foreign: dict[str, Any] | None = None

    @classmethod
    def build(cls, docs: list[ProtoDocument], all_files: dict[str, Any]) -> SideIndex:
        ix = cls(docs, all_files)
        packages: defaultdict[str, list[ProtoDocument]] = defaultdict(list)
        for doc in docs:
            ix.files[doc.name] = doc
            packages[doc.package].append(doc)
            ix._add_file(doc)
        ix.packages = dict(packages)
        return ix

    def _add_file(self, doc: ProtoDocument) -> None:
        """Messages, enums, services and extensions of one file (not message fields: those
        are made on demand, for the messages that changed)."""
        fd = doc.fd
        pkg = str(fd.package)
        prefix = pkg + "." if pkg else ""
        msgs: dict[str, Message] = {}
        enums: dict[str, Enum] = {}
        exts: dict[str, Field] = {}
        svcs: dict[str, Service] = {}

        def enum(e: Any, path: tuple[int, ...], nested: str, parent: Element | None) -> None:
            el = Enum(doc, path, e, prefix + nested, parent)
            self.enums.setdefault(el.full_name, el)
            enums[nested] = el

        def extension(f: Any, path: tuple[int, ...], nested: str, parent: Element | None) -> None:
            el = Field(doc, path, f, prefix + nested, parent)
            self.extensions.setdefault((str(f.extendee), int(f.number)), el)
            exts[nested] = el

        def message(d: Any, path: tuple[int, ...], nested: str, parent: Element | None) -> None:
            el = Message(doc, path, d, prefix + nested, parent)
            self.messages.setdefault(el.full_name, el)
            msgs[nested] = el
            for i, f in enumerate(d.extension):
                extension(f, (*path, MSG_EXTENSION, i), f"{nested}.{f.name}", el)
            for i, n in enumerate(d.nested_type):
                message(n, (*path, MSG_NESTED, i), f"{nested}.{n.name}", el)
            for i, e in enumerate(d.enum_type):
                enum(e, (*path, MSG_ENUM, i), f"{nested}.{e.name}", el)

        for i, d in enumerate(fd.message_type):
            message(d, (FILE_MESSAGE, i), str(d.name), None)
        for i, e in enumerate(fd.enum_type):
            enum(e, (FILE_ENUM, i), str(e.name), None)
        for i, sv in enumerate(fd.service):
            el = Service(doc, (FILE_SERVICE, i), sv, prefix + str(sv.name))
            self.services.setdefault(el.full_name, el)
            svcs[str(sv.name)] = el
        for i, f in enumerate(fd.extension):
            extension(f, (FILE_EXTENSION, i), str(f.name), None)
        self.file_messages[doc.name] = msgs
        self.file_enums[doc.name] = enums
        self.file_extensions[doc.name] = exts
        self.file_services[doc.name] = svcs

    def fields(self, message: Message) -> dict[int, Field]:
        """The message's own fields (not its extensions) by number."""
        known = self._fields.get(id(message))
        if known is None:
            known = {}
            for i, f in enumerate(message.desc.field):
                known.setdefault(
                    int(f.number),
                    Field(message.doc, (*message.path, MSG_FIELD, i), f, message.full_name + "." + f.name, message),
                )
            self._fields[id(message)] = known
        return known

    def message_desc(self, type_name: str) -> Any | None:
        """The DescriptorProto of a message type (`.pkg.Name`), also from imported files."""
        name = type_name.lstrip(".")
        el = self.messages.get(name)
        if el is not None:
            return el.desc
        return self._lookup(name)

    def enum_desc(self, type_name: str) -> Any | None:
        name = type_name.lstrip(".")
        el = self.enums.get(name)
        if el is not None:
            return el.desc
        return self._lookup(name)

    def _lookup(self, name: str) -> Any | None:
        if self._foreign is None:
            found: dict[str, Any] = {}

            def add(prefix: str, msgs: Any, enums: Any) -> None:
                for e in enums:
                    found[f"{prefix}{e.name}"] = e
                for m in msgs:
                    found[f"{prefix}{m.name}"] = m
                    add(f"{prefix}{m.name}.", m.nested_type, m.enum_type)

            for fd in self.all_files.values():
                add(f"{fd.package}." if fd.package else "", fd.message_type, fd.enum_type)
            self._foreign = found
        return self._foreign.get(name)
