"""What a rule's check receives besides its node."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from apictl.core.document import Document
from apictl.core.refs import Workspace
from apictl.specs.openapi.access import Located, deref
from apictl.specs.openapi.model import Node
from apictl.specs.openapi.walker import RefSite


@dataclass
class RuleContext:
    ws: Workspace
    version: str  # oas2 | oas3.0 | oas3.1 | oas3.2
    options: dict[str, Any] = field(default_factory=dict)  # the running rule's options
    # Filled during the walk, complete when `Root` rules run (they run last):
    nodes: defaultdict[str, list[Node]] = field(default_factory=lambda: defaultdict(list))
    refs: list[RefSite] = field(default_factory=list)
    root: Node | None = None

    @property
    def doc(self) -> Document:
        return self.ws.root

    @property
    def data(self) -> Any:
        return self.ws.root.data

    def deref(self, value: Any, doc: Document, pointer: str) -> Located | None:
        return deref(self.ws, value, doc, pointer)
