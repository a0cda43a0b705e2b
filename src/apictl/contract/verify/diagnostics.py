"""pact-python's `Verifier.results` turned into Diagnostics located in the pact file.

Each mismatch becomes one finding on the interaction it belongs to: the pointer
names the response part (status, header, body node) inside the pact, and the
message says which interaction, where in the response, and expected vs actual.
Interactions of pending pacts are reported as warnings (they never fail a build,
as the broker intends)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from apictl.core.diagnostic import Diagnostic, Severity
from apictl.core.pointer import escape

SOURCE = "apictl contract verify"


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    rule: str
    summary: str


CODES = {
    "StatusMismatch": Code("PV101", "response-status-mismatch", "The provider answered with another status."),
    "HeaderMismatch": Code("PV102", "response-header-mismatch", "A response header is missing or differs."),
    "BodyMismatch": Code("PV103", "response-body-mismatch", "The response body does not match the pact."),
    "BodyTypeMismatch": Code("PV104", "response-content-type-mismatch", "The response body has another type."),
    "MetadataMismatch": Code("PV105", "message-metadata-mismatch", "A message's metadata differs."),
    "error": Code("PV201", "interaction-failed", "The interaction could not be replayed (request or state failed)."),
    "state": Code("PV202", "provider-state-failed", "The provider state could not be set up."),
    "load": Code("PV203", "pact-not-loaded", "The verifier could not load the pact."),
    "message": Code("PV204", "message-not-verified", "A message interaction was left out: verify replays HTTP only."),
}
OTHER = Code("PV100", "response-mismatch", "The response does not match the pact.")


@dataclass(frozen=True, slots=True)
class PactInteraction:
    """Where an interaction is written: its description, provider states and response pointer."""

    description: str
    states: tuple[str, ...]
    pointer: str  # the interaction
    response_pointer: str
    body_pointer: str


def json_path_to_pointer(path: str) -> str:
    """`$.items[0]['a.b']` -> `/items/0/a.b`; anything unparseable stops where it is."""
    if not path.startswith("$"):
        return ""
    tokens = re.findall(r"\.([^.\[\]]+)|\[(\d+)\]|\['([^']*)'\]|\[\"([^\"]*)\"\]", path[1:])
    return "".join("/" + escape(next(t for t in groups if t)) for groups in tokens if any(groups))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _headline(consumer: str, provider: str, description: str, states: Iterable[str]) -> str:
    given = " and ".join(states)
    return f'{consumer} → {provider}: "{description}"' + (f" (given {given})" if given else "")


def interaction_diagnostics(
    result: dict[str, Any],
    where: PactInteraction | None,
    *,
    uri: str,
    pending: bool,
    state_failures: dict[str, str],
) -> list[Diagnostic]:
    """The findings of one entry of `results["interactionResults"]` (empty when it passed)."""
    mismatch = result.get("mismatch")
    if not isinstance(mismatch, dict):
        return []
    consumer, provider = _text(result.get("consumer")), _text(result.get("provider"))
    description = _text(result.get("description"))
    states = [_text(s) for s in result.get("providerStates") or []]
    head = _headline(consumer, provider, description, states)
    severity = Severity.WARN if pending or result.get("pending") else Severity.ERROR
    base = where.pointer if where else ""
    common: dict[str, Any] = {"interaction": description, "consumer": consumer, "provider": provider, "states": states}
    if pending or result.get("pending"):
        common["pending"] = True
    failed_states = [f"{state}: {state_failures[state]}" for state in states if state in state_failures]
    if failed_states:
        message = f"{head}: provider state failed: " + "; ".join(failed_states)
        return [_diagnostic(CODES["state"], severity, message, uri, base, common)]
    if mismatch.get("type") == "error":
        message = _text(mismatch.get("message"))
        if "state change" in message:
            code, message = CODES["state"], "provider state failed: " + message
        else:
            code = CODES["error"]
        return [_diagnostic(code, severity, f"{head}: {message}", uri, base, common)]
    out = []
    for item in mismatch.get("mismatches") or []:
        if not isinstance(item, dict):
            continue
        kind = _text(item.get("type"))
        code = CODES.get(kind, OTHER)
        text = _text(item.get("mismatch"))
        pointer, what = base, kind
        if kind == "StatusMismatch":
            pointer, what = (where.response_pointer + "/status" if where else base), "status"
        elif kind == "HeaderMismatch":
            key = _text(item.get("key"))
            pointer = where.response_pointer + "/headers/" + escape(key) if where else base
            what = f"header {key}"
        elif kind in ("BodyMismatch", "BodyTypeMismatch"):
            path = _text(item.get("path")) or "$"
            pointer = (where.body_pointer + json_path_to_pointer(path)) if where else base
            what = f"body {path}" if path not in ("/", "$") else "body"
        lines = [f"{head}: {what}: {text}"]
        expected, actual = item.get("expected"), item.get("actual")
        if kind not in ("StatusMismatch",):
            if expected not in (None, ""):
                lines.append(f"expected: {_text(expected)}")
            if actual not in (None, ""):
                lines.append(f"actual:   {_text(actual)}")
        extra = {**common, "path": _text(item.get("path") or item.get("key")), "expected": expected, "actual": actual}
        out.append(_diagnostic(code, severity, "\n".join(lines), uri, pointer, extra))
    return out


def skipped_message(
    consumer: str, provider: str, description: str, states: Iterable[str], uri: str, pointer: str
) -> Diagnostic:
    head = _headline(consumer, provider, description, states)
    message = f"{head}: a message interaction; not verified (apictl contract verify replays HTTP interactions only)"
    return _diagnostic(CODES["message"], Severity.WARN, message, uri, pointer, {"interaction": description})


def load_error(message: str, uri: str) -> Diagnostic:
    return _diagnostic(CODES["load"], Severity.ERROR, message, uri, "", {})


def _diagnostic(
    code: Code, severity: Severity, message: str, uri: str, pointer: str, extra: dict[str, Any]
) -> Diagnostic:
    return Diagnostic(
        code=code.code,
        rule=code.rule,
        severity=severity,
        message=message,
        uri=uri,
        pointer=pointer,
        source=SOURCE,
        extra=extra,
    )


def results_diagnostics(
    results: dict[str, Any],
    interactions: list[PactInteraction],
    *,
    uri: str,
    pending: bool = False,
    state_failures: dict[str, str] | None = None,
) -> list[Diagnostic]:
    """Every finding of one verifier run over the pact at `uri`."""
    found: list[Diagnostic] = []
    by_key = {(i.description, i.states): i for i in interactions}
    by_description = {i.description: i for i in interactions}
    for result in results.get("interactionResults") or []:
        if not isinstance(result, dict):
            continue
        key = (_text(result.get("description")), tuple(_text(s) for s in result.get("providerStates") or []))
        where = by_key.get(key) or by_description.get(key[0])
        found.extend(
            interaction_diagnostics(result, where, uri=uri, pending=pending, state_failures=state_failures or {})
        )
    if not results.get("interactionResults"):
        for error in results.get("errors") or []:
            mismatch = error.get("mismatch") if isinstance(error, dict) else None
            if isinstance(mismatch, dict) and mismatch.get("type") == "error":
                found.append(load_error(_text(mismatch.get("message")), uri))
    return found
