"""Shared wording and location handling for breaking rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change

ALL = ("oas2", "oas3.0", "oas3.1", "oas3.2")


def found(change: Change, message: str, check_id: str = "", severity: str = "") -> BreakingFinding:
    """A finding at the change's new location (or where the node would be), with the old one."""
    new, old = change.new_loc, change.old_loc
    at = new or old
    assert at is not None
    return BreakingFinding(
        at.doc,
        at.pointer,
        f"{change.where.operation}: {message}" if change.where.operation else message,
        old_doc=old.doc if old is not None else None,
        old_pointer=old.pointer if old is not None else None,
        operation=change.where.operation,
        check_id=check_id,
        severity=severity,
    )


def subject(change: Change) -> str:
    """'the request property `a/b`', 'the `query` request parameter `limit`', 'the response body for status `200`'…"""
    w = change.where
    if w.section == m.PARAMETER:
        inner = f" property `{change.path}` of" if change.path else ""
        return f"the{inner} `{w.param_in}` request parameter `{w.param_name}`"
    if w.section == m.REQUEST_BODY:
        return f"the request property `{change.path}`" if change.path else "the request body"
    status = f" for status `{w.status}`"
    return f"the response property `{change.path}`{status}" if change.path else f"the response body{status}"


def check_id(change: Change, suffix: str) -> str:
    """oasdiff's id for a schema change: request-body-…, request-property-…, request-parameter-…,
    response-body-… or response-property-…"""
    w = change.where
    if w.section == m.PARAMETER:
        return f"request-parameter-{'property-' if change.path else ''}{suffix}"
    side = "request" if w.is_request else "response"
    return f"{side}-{'property' if change.path else 'body'}-{suffix}"


def in_request(change: Change) -> bool:
    """A schema change in what clients send (body or parameter), skipping readOnly properties."""
    return change.where.is_request and not change.detail.get("read_only")


def in_response(change: Change) -> bool:
    """A schema change in what clients receive, skipping writeOnly properties."""
    return change.where.section == m.RESPONSE_BODY and not change.detail.get("write_only")


def limit(change: Change, keyword: str) -> tuple[Any, Any] | None:
    """(old, new) when the change is to `keyword` (numbers only)."""
    d = change.detail
    if d.get("keyword") != keyword:
        return None
    a, b = d.get("old"), d.get("new")
    if (a is not None and not isinstance(a, (int, float))) or (b is not None and not isinstance(b, (int, float))):
        return None
    return a, b


def code(value: Any) -> str:
    return "" if value is None else str(value)


# Subschema / map keywords whose addition narrows what a schema accepts, with oasdiff's id suffix.
CONSTRAINTS = {
    "contains": "contains",
    "if": "if",
    "then": "then",
    "else": "else",
    "propertyNames": "property-names",
    "unevaluatedItems": "unevaluated-items",
    "unevaluatedProperties": "unevaluated-properties",
    "contentSchema": "content-schema",
    "patternProperties": "pattern-property",
    "dependentSchemas": "dependent-schema",
    "dependentRequired": "dependent-required",
}
_KEYED_LABEL = {
    "patternProperties": "pattern property",
    "dependentSchemas": "dependent schema",
    "dependentRequired": "dependentRequired entry",
}


def side(change: Change) -> str:
    """'request' / 'response' for a change in a request or response body schema, else ''."""
    s = change.where.section
    return "request" if s == m.REQUEST_BODY else "response" if s == m.RESPONSE_BODY else ""


def keyword(change: Change) -> str:
    kw = change.detail.get("keyword")
    return kw if isinstance(kw, str) else ""


def fmt(value: Any) -> str:
    """A schema value as quoted in messages: strings as is, everything else as JSON."""
    if isinstance(value, str):
        return value
    import orjson

    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def constraint(change: Change) -> str:
    """'the `if` subschema' / 'the pattern property `^x-`' for a KEYWORD_CHANGED of a CONSTRAINTS keyword."""
    kw = keyword(change)
    if kw in _KEYED_LABEL:
        return f"the {_KEYED_LABEL[kw]} `{change.detail.get('key')}`"
    return f"the `{kw}` constraint"


def limit_ids(prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{p}-{s}" for s in suffixes for p in prefixes)


def scope_changes(change: Change, field: str, prefix: str, where: str) -> Iterator[BreakingFinding]:
    """Scopes added to / removed from the security requirements present in both versions
    (detail old/new: {'a+b': ['a:scope', …]})."""
    d = change.detail
    if d.get("field") != field:
        return
    old, new = d.get("old") or {}, d.get("new") or {}
    for req in new:
        if req not in old:
            continue
        for item in new[req]:
            if item not in old[req]:
                scheme, _, scope = item.partition(":")
                msg = f"scope `{scope}` added to the {where}security scheme `{scheme}`"
                yield found(change, msg, f"{prefix}-added")
        for item in old[req]:
            if item not in new[req]:
                scheme, _, scope = item.partition(":")
                msg = f"scope `{scope}` removed from the {where}security scheme `{scheme}`"
                yield found(change, msg, f"{prefix}-removed")


def flows(old: dict[str, Any], new: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
    """OAuth flows present in both security schemes (OpenAPI 3 `flows`, or the OpenAPI 2 scheme itself)."""
    of, nf = old.get("flows"), new.get("flows")
    if isinstance(of, dict) and isinstance(nf, dict):
        for name, flow in nf.items():
            if isinstance(flow, dict) and isinstance(of.get(name), dict):
                yield str(name), of[name], flow
    elif "flows" not in old and "flows" not in new and old.get("type") == "oauth2":
        yield str(new.get("flow") or "oauth2"), old, new
