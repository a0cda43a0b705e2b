"""Findings as Diagnostics: located in the pact file (the interaction's part that
is wrong), with where the description says otherwise kept beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from apictl.contract.check.codes import CODES
from apictl.core.diagnostic import Diagnostic
from apictl.core.document import Document
from apictl.core.pointer import join, split
from apictl.specs.openapi.access import Located


@dataclass(slots=True)
class Finding:
    code: str
    message: str
    pointer: str  # in the pact file
    spec: tuple[Document, str] | None = None  # where in the description
    interaction: str = ""


@dataclass(slots=True)
class PendingBody:
    side: str  # request | response
    schema: Located
    value: Any
    pointer: str  # of the body in the pact file
    interaction: str


@dataclass
class Findings:
    """The findings of one pact file against one description."""

    pact: Document
    items: list[Finding] = field(default_factory=list)
    _seen: set[tuple[str, str, str, str]] = field(default_factory=set)
    bodies: list[PendingBody] = field(default_factory=list)  # checked together, see interaction.check_bodies

    def add(
        self, code: str, message: str, pointer: str, spec: tuple[Document, str] | None = None, interaction: str = ""
    ) -> None:
        finding = Finding(code, message, pointer, spec, interaction)
        key = (code, message, pointer, interaction)
        if key not in self._seen:  # e.g. one property in two `allOf` branches
            self._seen.add(key)
            self.items.append(finding)

    def diagnostics(self) -> list[Diagnostic]:
        """Positions resolved in one batch per document."""
        pact_spans = self.pact.spans({f.pointer for f in self.items})
        wanted: dict[int, tuple[Document, set[str]]] = {}
        for f in self.items:
            if f.spec is not None:
                wanted.setdefault(id(f.spec[0]), (f.spec[0], set()))[1].add(f.spec[1])
        spec_spans = {key: doc.spans(pointers) for key, (doc, pointers) in wanted.items()}
        out: list[Diagnostic] = []
        for f in self.items:
            code = CODES[f.code]
            context = [f"interaction '{f.interaction}'"] if f.interaction else []
            extra: dict[str, object] = {"interaction": f.interaction}
            if f.spec is not None:
                doc, pointer = f.spec
                span = spec_spans[id(doc)][pointer]
                context.append(f"spec {doc.uri}:{span.line}:{span.col}")
                spec_at = {"file": doc.uri, "pointer": pointer, "line": span.line, "col": span.col}
                extra["spec"] = spec_at
                extra["related"] = [{**spec_at, "message": "the OpenAPI description"}]
            message = f.message + (f" [{'; '.join(context)}]" if context else "")
            out.append(
                Diagnostic(
                    code=code.code,
                    rule=code.rule,
                    severity=code.severity,
                    message=message,
                    uri=self.pact.uri,
                    pointer=f.pointer,
                    span=pact_spans[f.pointer],
                    source="apictl contract check",
                    extra=extra,
                )
            )
        return out


def existing(doc: Document, base: str, tokens: tuple[str, ...]) -> str:
    """The pointer of `base` + `tokens` in `doc`, or of the deepest part of it that
    is written (a v4 body keeps its value under `content`)."""
    node = _at(doc.data, base)
    if isinstance(node, dict) and "content" in node and ("contentType" in node or "encoded" in node):
        base, node = join(base, "content"), node["content"]
    pointer = base
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            break
        pointer = join(pointer, token)
    return pointer


def _at(data: Any, pointer: str) -> Any:
    node = data
    for token in split(pointer):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node
