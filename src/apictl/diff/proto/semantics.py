"""Protobuf meaning that descriptors state only implicitly: a field's kind and
cardinality (presence), and the features that proto2/proto3 imply and editions set
(enum open/closed, JSON format, UTF-8 validation) — what buf reads from protoreflect."""

from __future__ import annotations

from typing import Any

from apictl.diff.proto.index import SideIndex
from apictl.specs.proto.model import Element, Field, Message

KIND_NAMES = {
    1: "double",
    2: "float",
    3: "int64",
    4: "uint64",
    5: "int32",
    6: "fixed64",
    7: "fixed32",
    8: "bool",
    9: "string",
    10: "group",
    11: "message",
    12: "bytes",
    13: "uint32",
    14: "enum",
    15: "sfixed32",
    16: "sfixed64",
    17: "sint32",
    18: "sint64",
}
TYPE_GROUP, TYPE_MESSAGE, TYPE_ENUM, TYPE_STRING, TYPE_BYTES = 10, 11, 14, 9, 12
INT64_TYPES = {3, 4, 6, 16, 18}
LABEL_REQUIRED, LABEL_REPEATED = 2, 3

# FeatureSet values (descriptor.proto)
EXPLICIT, IMPLICIT, LEGACY_REQUIRED = 1, 2, 3
OPEN, CLOSED = 1, 2
VERIFY, NONE = 2, 3
ALLOW, LEGACY_BEST_EFFORT = 1, 2
DELIMITED = 2
_DEFAULTS = {  # feature -> (proto2, proto3, editions 2023)
    "field_presence": (EXPLICIT, IMPLICIT, EXPLICIT),
    "enum_type": (CLOSED, OPEN, OPEN),
    "utf8_validation": (NONE, VERIFY, VERIFY),
    "message_encoding": (1, 1, 1),
    "json_format": (LEGACY_BEST_EFFORT, ALLOW, ALLOW),
}
FEATURE_NAMES = {
    "utf8_validation": {VERIFY: "VERIFY", NONE: "NONE"},
    "json_format": {ALLOW: "ALLOW", LEGACY_BEST_EFFORT: "LEGACY_BEST_EFFORT"},
}


def syntax(fd: Any) -> str:
    s = str(fd.syntax)
    return s if s in ("proto3", "editions") else "proto2"


def feature(el: Element, name: str) -> int:
    """The resolved value of a FeatureSet field for `el` (editions: innermost setting wins)."""
    fd = el.doc.fd
    s = syntax(fd)
    if s != "editions":
        return _DEFAULTS[name][0 if s == "proto2" else 1]
    node: Element | None = el
    while node is not None:
        feats = node.desc.options.features
        if feats.HasField(name):
            return int(getattr(feats, name))
        node = node.parent
    if fd.options.features.HasField(name):
        return int(getattr(fd.options.features, name))
    return _DEFAULTS[name][2]


def kind(field: Field) -> int:
    """The field's type, with editions' delimited messages counted as groups (as protoreflect does)."""
    t = int(field.desc.type)
    if t == TYPE_MESSAGE and syntax(field.doc.fd) == "editions" and feature(field, "message_encoding") == DELIMITED:
        return TYPE_GROUP
    return t


def kind_name(field: Field) -> str:
    k = kind(field)
    if k == TYPE_GROUP and syntax(field.doc.fd) != "proto2":
        return "message (delimited encoding)"
    return KIND_NAMES.get(k, str(k))


def in_map_entry(field: Field) -> bool:
    return isinstance(field.parent, Message) and bool(field.parent.desc.options.map_entry)


def is_map(field: Field, side: SideIndex) -> bool:
    if int(field.desc.label) != LABEL_REPEATED or int(field.desc.type) != TYPE_MESSAGE:
        return False
    target = side.message_desc(str(field.desc.type_name))
    return target is not None and bool(target.options.map_entry)


def is_extension(field: Field) -> bool:
    return bool(field.desc.extendee)


def oneof_name(field: Field) -> str | None:
    """The real (not synthetic) oneof the field is in."""
    f = field.desc
    if is_extension(field) or not f.HasField("oneof_index") or f.proto3_optional:
        return None
    assert isinstance(field.parent, Message)
    return str(field.parent.desc.oneof_decl[f.oneof_index].name)


def has_presence(field: Field) -> bool:
    f = field.desc
    if int(f.label) == LABEL_REPEATED:
        return False
    if is_extension(field) or f.proto3_optional or int(f.type) in (TYPE_MESSAGE, TYPE_GROUP):
        return True
    if f.HasField("oneof_index"):
        return True
    return feature(field, "field_presence") != IMPLICIT


def cardinality(field: Field, side: SideIndex) -> str:
    f = field.desc
    if int(f.label) == LABEL_REPEATED:
        return "map" if is_map(field, side) else "repeated"
    if int(f.label) == LABEL_REQUIRED or (
        syntax(field.doc.fd) == "editions" and feature(field, "field_presence") == LEGACY_REQUIRED
    ):
        return "required"
    return "optional with explicit presence" if has_presence(field) else "optional with implicit presence"


def is_required(field: Field) -> bool:
    return cardinality_required(field)


def cardinality_required(field: Field) -> bool:
    f = field.desc
    return int(f.label) == LABEL_REQUIRED or (
        syntax(field.doc.fd) == "editions" and feature(field, "field_presence") == LEGACY_REQUIRED
    )


def field_description(field: Field, with_name: bool = True) -> str:
    """buf's wording: `Field "1" with name "x" on message "M"` / `Extension "1" ... on message ".pkg.M"`."""
    f = field.desc
    if is_extension(field):
        what, owner, name = "Extension", str(f.extendee), field.full_name
    else:
        what, owner, name = "Field", field.parent.name if field.parent else "", str(f.name)
    named = f' with name "{name}"' if with_name else ""
    return f'{what} "{f.number}"{named} on message "{owner}"'
