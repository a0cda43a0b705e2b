"""Pacts whose examples contradict their own matchers.

A pact's example is what a stub answers and what a verifier's rules were
written against; when the example itself fails its rule (`"id": "abc"` under
an integer matcher, a path that its regex rejects, one item under `min: 2`),
the pact is wrong. `example_problems(pact)` compares every part with itself —
the same comparison that checks real traffic — and returns one located
`Diagnostic` per contradiction. `mismatch_pointer` says where in the pact
file a mismatch of a part is written."""

from __future__ import annotations

from apictl.contract.matching import Mismatch, docpath, match_message, match_request, match_response
from apictl.contract.pact import (
    HttpInteraction,
    HttpRequest,
    HttpResponse,
    Message,
    MessageInteraction,
    Pact,
    SyncMessageInteraction,
)
from apictl.core.diagnostic import Diagnostic, Severity
from apictl.core.pointer import escape, join

CODE, RULE = "PM101", "example-contradicts-matcher"
SUMMARY = "An example in the pact does not satisfy its own matching rule."

Part = HttpRequest | HttpResponse | Message


def example_problems(pact: Pact) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for interaction in pact.interactions:
        parts: list[tuple[str, Part, list[Mismatch]]] = []
        if isinstance(interaction, HttpInteraction):
            request, response = interaction.request, interaction.response
            parts.append(("request", request, match_request(request, request)))
            parts.append(("response", response, match_response(response, response)))
        elif isinstance(interaction, MessageInteraction):
            parts.append(("message", interaction.message, match_message(interaction.message, interaction.message)))
        elif isinstance(interaction, SyncMessageInteraction):
            sent = interaction.request
            parts.append(("request", sent, match_message(sent, sent)))
            for reply in interaction.responses:
                parts.append(("response", reply, match_message(reply, reply)))
        for side, part, mismatches in parts:
            for mismatch in mismatches:
                message = (
                    f"interaction '{interaction.description}': the {side} example contradicts its own matcher "
                    f"({mismatch.describe()})"
                )
                out.append(
                    Diagnostic(
                        code=CODE,
                        rule=RULE,
                        severity=Severity.ERROR,
                        message=message,
                        uri=pact.uri,
                        pointer=mismatch_pointer(mismatch, part),
                        source="apictl contract",
                    )
                )
    if pact.document is not None and out:
        spans = pact.document.spans([d.pointer for d in out])
        for diagnostic in out:
            diagnostic.span = spans[diagnostic.pointer]
    return out


def mismatch_pointer(mismatch: Mismatch, part: Part) -> str:
    """The JSON pointer, in the pact file, of what `mismatch` is about."""
    base = part.pointer
    kind = mismatch.kind
    if kind in ("body", "body-type"):
        body = part.contents if isinstance(part, Message) else part.body
        return body.pointer + (_body_pointer(mismatch.path) if kind == "body" else "")
    if kind == "header" and not isinstance(part, Message):
        name = next((h for h in (part.headers or {}) if h.lower() == mismatch.path.lower()), mismatch.path)
        return join(base, "headers", name)
    if kind == "query" and isinstance(part, HttpRequest):
        return join(base, "query") if part.raw_query is not None else join(base, "query", mismatch.path)
    if kind == "metadata":
        return join(base, "metadata", mismatch.path)
    if kind in ("method", "path", "status"):
        return join(base, kind)
    return base


def _body_pointer(path: str) -> str:
    """`$.items[0].name` -> `/items/0/name` (the place inside the body)."""
    try:
        tokens = docpath.parse(path)
    except docpath.PathError:
        return ""
    return "".join("/" + escape(t.value) for t in tokens[1:] if t.kind in (docpath.FIELD, docpath.INDEX))
