"""What a protobuf rule's check receives besides its subject."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from apictl.core.registry import Finding
from apictl.specs.proto.model import DescPath, Element, ProtoDocument, pointer_of
from apictl.specs.proto.workspace import Module


@dataclass
class ProtoRuleContext:
    module: Module
    docs: list[ProtoDocument]  # the files being linted
    files: dict[str, Any]  # import name -> FileDescriptorProto, imports included
    options: dict[str, Any] = field(default_factory=dict)  # the running rule's options
    elements: dict[str, list[Element]] = field(default_factory=dict)  # kind -> every element, in order

    def of_kind(self, kind: str) -> Iterator[Element]:
        yield from self.elements.get(kind, ())


def report(doc: ProtoDocument, path: DescPath, message: str) -> Finding:
    return Finding(doc, pointer_of(path), message)
