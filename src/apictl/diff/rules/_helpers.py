"""Shared wording and location handling for breaking rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
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


# Schema-level changes oasdiff 1.15 leaves out of (or reports separately for) readOnly request and
# writeOnly response properties; other changes to them (enum, pattern…) are reported as usual.
_SKIPPED_WHEN = {"readOnly": (m.LIMIT_CHANGED, m.TYPE_CHANGED), "writeOnly": (m.LIMIT_CHANGED,)}


def schema_flag(change: Change, keyword: str) -> bool:
    """Whether the changed schema itself is marked `readOnly` / `writeOnly`."""
    loc = change.new or change.old
    return loc is not None and isinstance(loc.value, dict) and loc.value.get(keyword) is True


def flagged(change: Change, keyword: str) -> bool:
    """Whether the change concerns a `readOnly` / `writeOnly` property that clients do not send /
    receive: an added, removed or re-required one, or a limit or type change of one."""
    if change.detail.get("read_only" if keyword == "readOnly" else "write_only"):
        return True
    return change.kind in _SKIPPED_WHEN[keyword] and schema_flag(change, keyword)


def in_request(change: Change) -> bool:
    """A schema change in what clients send (body or parameter), skipping readOnly properties."""
    return change.where.is_request and not flagged(change, "readOnly")


def in_response(change: Change) -> bool:
    """A schema change in what clients receive, skipping writeOnly properties."""
    return change.where.section == m.RESPONSE_BODY and not flagged(change, "writeOnly")


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


def sunset_date(text: Any) -> date | None:
    """An `x-sunset` value as a date (`YYYY-MM-DD`, or an RFC 3339 date-time), None when unparsable."""
    if isinstance(text, date):
        return text
    if not isinstance(text, str):
        return None
    try:
        return date.fromisoformat(text[:10]) if len(text) == 10 or text[10:11] in ("T", "t") else None
    except ValueError:
        return None


def min_days(ctx: Any, value: Any) -> int:
    """Days a deprecation must last for a node with this `x-stability-level` (the deprecation policy:
    options of BRK172, 0 = no policy; draft and alpha never need notice)."""
    level = value.get("x-stability-level") if isinstance(value, dict) else None
    if level in ("draft", "alpha"):
        return 0
    policy = getattr(ctx, "policy", {}) or {}
    key = "deprecation_days_beta" if level == "beta" else "deprecation_days_stable"
    days = policy.get(key, 0)
    return days if isinstance(days, int) and not isinstance(days, bool) else 0


def sunset_problem(ctx: Any, value: dict[str, Any], old_value: dict[str, Any] | None = None) -> tuple[str, str]:
    """What is wrong with the sunset of a node that is (now) deprecated, under the deprecation policy:
    ('missing' | 'invalid' | 'too-small' | 'changed-too-small' | '' , message)."""
    days = min_days(ctx, value)
    raw = value.get("x-sunset")
    if raw is None:
        return ("missing", "deprecated without a sunset date") if days > 0 else ("", "")
    when = sunset_date(raw)
    if when is None:
        return "invalid", f"deprecated with an invalid sunset date `{fmt(raw)}`"
    earliest = ctx.today + timedelta(days=days)
    if old_value is not None:
        before = sunset_date(old_value.get("x-sunset"))
        if before is not None and when < before and when < earliest:
            least = f"at least `{days}` days from now" if days else "not in the past"
            return "changed-too-small", (
                f"sunset date changed to an earlier date, from `{before}` to `{when}`: it must be {least}"
            )
        return "", ""
    if when < earliest:
        if days == 0:
            return "too-small", f"sunset date `{when}` is in the past"
        return "too-small", f"sunset date `{when}` is too small, must be at least `{days}` days from now"
    return "", ""


@dataclass(frozen=True, slots=True)
class Limit:
    """One numeric keyword a limit rule watches: `moved(old, new)` says the change is the one the rule
    reports (None = absent); `suffix` is oasdiff's id suffix ('max-decreased', 'min-set'…), whose
    last word is the verb of the message; `absent` is how a missing value is shown."""

    keyword: str
    suffix: str
    moved: Callable[[Any, Any], bool]
    absent: str = ""


def limit_rule(
    direction: Callable[[Change], bool], *limits: Limit, ids: tuple[str, ...] | None = None, prefix: str = ""
) -> Callable[[Change, Any], Iterator[BreakingFinding]]:
    """The check of a rule reporting numeric limits that moved in a request or a response
    (`direction`). With `ids`, an oasdiff id outside them is not claimed (apictl-only finding); with
    `prefix`, oasdiff's id is `prefix-suffix` rather than derived from where the change is."""

    def check(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
        if not direction(change):
            return
        for lim in limits:
            pair = limit(change, lim.keyword)
            if pair is None or not lim.moved(*pair):
                continue
            old, new = pair
            verb = lim.suffix.rsplit("-", 1)[-1]
            if verb == "set":
                text = f"{lim.keyword} was set to `{new}`"
            elif verb == "unset":
                text = f"{lim.keyword} was unset from `{old}`"
            else:
                text = f"{lim.keyword} was {verb} from `{code(old) or lim.absent}` to `{code(new) or lim.absent}`"
            cid = f"{prefix}-{lim.suffix}" if prefix else check_id(change, lim.suffix)
            yield found(change, f"{subject(change)}: {text}", cid if ids is None or cid in ids else "")

    return check


def decreased(old: Any, new: Any) -> bool:
    return old is not None and new is not None and new < old


def increased(old: Any, new: Any) -> bool:
    return old is not None and new is not None and new > old


def decreased_or_unset(old: Any, new: Any) -> bool:
    return decreased(old, new) or (old is not None and new is None)


def increased_or_unset(old: Any, new: Any) -> bool:
    return increased(old, new) or (old is not None and new is None)


def was_set(old: Any, new: Any) -> bool:
    return old is None and new is not None


def was_unset(old: Any, new: Any) -> bool:
    return old is not None and new is None


def min_increased(old: Any, new: Any) -> bool:
    """A lower bound whose absence means 0 (minLength, minItems) went up."""
    return bool((new or 0) > (old or 0))


def min_decreased(old: Any, new: Any) -> bool:
    return bool((old or 0) > (new or 0))


def request_except_parameter_properties(change: Change) -> bool:
    return in_request(change) and not (change.where.section == m.PARAMETER and change.path)


def request_body(change: Change) -> bool:
    return side(change) == "request"


def response_body(change: Change) -> bool:
    return side(change) == "response"


def list_of_types_rule(wanted: Callable[[bool, bool], bool]) -> Callable[[Change, Any], Iterator[BreakingFinding]]:
    """The check of a rule reporting a changed list of types (`oneOf`/`anyOf` of single-type schemas)
    when `wanted(in a request, narrowed)`: a request narrows when a type is removed, a response
    widens when one is added."""

    def check(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
        d = change.detail
        if keyword(change) != "list-of-types":
            return
        added, removed = list(d.get("added") or ()), list(d.get("removed") or ())
        request = in_request(change)
        if not request and not in_response(change):
            return
        narrowed = bool(removed) if request else not added
        if not wanted(request, narrowed):
            return
        types = ", ".join(removed if narrowed else added)
        verb = "narrowed by removing" if narrowed else "widened by adding"
        yield found(
            change,
            f"{subject(change)}: the list of types was {verb} `{types}`",
            check_id(change, "list-of-types-narrowed" if narrowed else "list-of-types-widened"),
        )

    return check


def has_default(change: Change) -> bool:
    """Whether the (new) property has a `default` (oasdiff: requiring it is then not breaking)."""
    loc = change.new or change.old
    return loc is not None and isinstance(loc.value, dict) and "default" in loc.value


def read_only_request_property(change: Change) -> bool:
    return change.where.section == m.REQUEST_BODY and bool(change.path) and schema_flag(change, "readOnly")
