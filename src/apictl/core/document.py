"""`Document`: one parsed file — its text, its data, and where each node is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.diagnostic import Span
from apictl.core.positions import LineIndex, Offsets, locate_json, locate_yaml


@dataclass(eq=False)
class Document:
    uri: str  # as shown to users: a path relative to the working directory when possible, or a URL
    text: str
    data: Any
    syntax: str  # "json" | "yaml"
    kind: str = "unknown"  # "oas2" | "oas3.0" | "oas3.1" | "oas3.2" | "fragment" | "proto" | ...
    path: Path | None = None  # absolute, resolved path for files
    yaml_root: Any = None  # composed PyYAML node tree (YAML only)
    duplicate_keys: list[str] = field(default_factory=list)  # pointers of repeated mapping keys (YAML)
    _lines: LineIndex | None = field(default=None, repr=False)
    _offsets: dict[str, Offsets] = field(default_factory=dict, repr=False)

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def offsets(self, pointers: Iterable[str]) -> dict[str, Offsets]:
        missing = [p for p in set(pointers) if p not in self._offsets]
        if missing:
            if self.syntax == "yaml" and self.yaml_root is not None:
                self._offsets.update(locate_yaml(self.yaml_root, missing))
            elif self.syntax == "json":
                self._offsets.update(locate_json(self.text, missing))
            else:
                self._offsets.update({p: (0, 0) for p in missing})
        return self._offsets

    def spans(self, pointers: Iterable[str]) -> dict[str, Span]:
        pointers = list(pointers)
        offsets = self.offsets(pointers)
        out: dict[str, Span] = {}
        for p in pointers:
            start, end = offsets[p]
            line, col = self.lines.position(start)
            end_line, end_col = self.lines.position(max(start, end - 1))
            out[p] = Span(line, col, end_line, end_col)
        return out

    def span(self, pointer: str) -> Span:
        return self.spans([pointer])[pointer]
