"""What protobuf breaking rules receive and yield: pairs of elements (previous, current)
matched as buf matches them, and `ProtoBreak` findings that name a location in the
current version, the previous version, or both."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from apictl.core.registry import Finding
from apictl.specs.proto.model import DescPath, Element, EnumValue, ProtoDocument, pointer_of

T = TypeVar("T")
Loc = tuple[ProtoDocument, DescPath]

# What a rule is dispatched on (the rule's `on=`).
SIDES = "ProtoSides"  # both versions whole: file and package deletions
FILE_PAIR = "ProtoFilePair"  # files by path
MESSAGE_PAIR = "ProtoMessagePair"  # messages by fully-qualified name, across files
FIELD_PAIR = "ProtoFieldPair"  # fields by message name + number; extensions by extendee + number
ENUM_PAIR = "ProtoEnumPair"  # enums by fully-qualified name
ENUM_NUMBER_PAIR = "ProtoEnumNumberPair"  # the values of one number of a paired enum
SERVICE_PAIR = "ProtoServicePair"  # services by fully-qualified name
METHOD_PAIR = "ProtoMethodPair"  # RPCs by service name + RPC name
KINDS = (SIDES, FILE_PAIR, MESSAGE_PAIR, FIELD_PAIR, ENUM_PAIR, ENUM_NUMBER_PAIR, SERVICE_PAIR, METHOD_PAIR)


@dataclass(slots=True)
class Pair(Generic[T]):
    old: T
    new: T


@dataclass(slots=True)
class EnumNumber:
    """The values (aliases included) that one enum gives one number, by name."""

    enum: Element
    number: int
    values: dict[str, EnumValue] = field(default_factory=dict)


class ProtoBreak(Finding):
    """A breaking change. `at`: where it shows in the current version (None when buf has no
    place for it there); `old`: where the changed thing was; `file`: the current file to name
    when `at` is None; with neither, the finding names the previous file (a deletion)."""

    __slots__ = ("at", "old", "file", "old_file")

    def __init__(
        self,
        message: str,
        at: Loc | None,
        old: Loc | None = None,
        file: ProtoDocument | None = None,
        old_file: ProtoDocument | None = None,
    ) -> None:
        where = at[0] if at else (file or old_file or (old[0] if old else None))
        super().__init__(where, pointer_of(at[1]) if at else "", message)  # type: ignore[arg-type]
        self.at = at
        self.old = old
        self.file = file
        self.old_file = old_file


def loc(el: Element, *sub: int) -> Loc:
    return (el.doc, (*el.path, *sub))


def fd_of(el: Element) -> Any:
    return el.doc.fd
