"""One matcher applied to one value: `check(matcher, expected, actual)` is None
when `actual` satisfies the matcher, otherwise the reason.

Values come from JSON bodies (typed: `5` is an integer, `"5"` a string) or
from text — headers, query parameters, paths, XML attributes and text, where
everything is a string and the integer matcher asks whether the text is an
integer (`textual=True`). Structural matchers (`values`, `eachKey`,
`eachValue`, `arrayContains`) accept at this level: the body comparators
apply them to the members."""

from __future__ import annotations

import json
import re
from typing import Any

from apictl.contract.matching.mismatch import show, type_name
from apictl.contract.regexes import RegexTimeout, fullmatch
from apictl.core.jsontypes import json_type

STRUCTURAL = {"values", "eachKey", "eachValue", "arrayContains"}
TYPE_MATCHERS = {"type"}  # with or without min/max

_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_SEMVER = re.compile(
    r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?"
)
STATUS_CLASSES = {
    "information": range(100, 200),
    "success": range(200, 300),
    "redirect": range(300, 400),
    "clientError": range(400, 500),
    "serverError": range(500, 600),
}


def regex_matches(regex: str, text: str) -> bool:
    """Pact regexes must match the whole value: the specification's own cases
    say so (`alligator named .{4}` does not match `alligator named brent`). A regex that
    takes too long (RegexTimeout) is a mismatch: use `regex_problem` for the reason."""
    return regex_problem(regex, text) is None


def regex_problem(regex: str, text: str) -> str | None:
    """None when `text` matches the whole regex, otherwise why not."""
    try:
        return None if fullmatch(regex, text) else f"Expected '{text}' to match '{regex}'"
    except RegexTimeout as exc:
        return str(exc)


def as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return json.dumps(value, ensure_ascii=False)


def json_equal(a: Any, b: Any) -> bool:
    """Equality of JSON values: `true` is not `1`; `1` and `1.0` are equal numbers."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _json_kind(value: Any) -> str:
    kind = json_type(value)
    return "number" if kind == "integer" else kind


def check(
    matcher: dict[str, Any], expected: Any, actual: Any, *, cascaded: bool = False, textual: bool = False
) -> str | None:
    name = matcher["match"]
    handler = _HANDLERS.get(name)
    if handler is None:
        return None if name in STRUCTURAL else f"the {name} matcher cannot be applied here"
    return handler(matcher, expected, actual, cascaded, textual)


def _regex(m: dict[str, Any], _e: Any, actual: Any, _c: bool, _t: bool) -> str | None:
    try:
        found = fullmatch(m["regex"], as_text(actual))
    except RegexTimeout as exc:
        return str(exc)
    return None if found else f"Expected {show(actual)} to match '{m['regex']}'"


def _include(m: dict[str, Any], _e: Any, actual: Any, _c: bool, _t: bool) -> str | None:
    value = str(m.get("value", m.get("include", "")))
    return None if value in as_text(actual) else f"Expected {show(actual)} to include '{value}'"


def _type(m: dict[str, Any], expected: Any, actual: Any, cascaded: bool, textual: bool) -> str | None:
    if not textual and _json_kind(expected) != _json_kind(actual):
        return (
            f"Expected a value of the same type as {show(expected)} ({type_name(expected)}) "
            f"but received {show(actual)} ({type_name(actual)})"
        )
    if isinstance(actual, list) and not cascaded:
        return _size(m, actual, show(actual))
    return None


def _size(m: dict[str, Any], items: Any, what: str) -> str | None:
    size = len(items)
    if "min" in m and size < m["min"]:
        return f"Expected {what} (size {size}) to have minimum size of {m['min']}"
    if "max" in m and size > m["max"]:
        return f"Expected {what} (size {size}) to have maximum size of {m['max']}"
    return None


def _equality(_m: dict[str, Any], expected: Any, actual: Any, _c: bool, _t: bool) -> str | None:
    return None if json_equal(expected, actual) else f"Expected {show(expected)} but received {show(actual)}"


def _null(_m: dict[str, Any], _e: Any, actual: Any, _c: bool, _t: bool) -> str | None:
    return None if actual is None else f"Expected {show(actual)} to be a null value"


def _integer(_m: dict[str, Any], _e: Any, actual: Any, _c: bool, textual: bool) -> str | None:
    ok = (isinstance(actual, int) and not isinstance(actual, bool)) or (
        textual and isinstance(actual, str) and _INTEGER.fullmatch(actual) is not None
    )
    return None if ok else f"Expected {show(actual)} to be an integer value"


def _decimal(_m: dict[str, Any], _e: Any, actual: Any, _c: bool, textual: bool) -> str | None:
    ok = isinstance(actual, float) or (textual and isinstance(actual, str) and _DECIMAL.fullmatch(actual) is not None)
    return None if ok else f"Expected {show(actual)} to be a decimal value"


def _number(_m: dict[str, Any], _e: Any, actual: Any, _c: bool, textual: bool) -> str | None:
    ok = (isinstance(actual, (int, float)) and not isinstance(actual, bool)) or (
        textual and isinstance(actual, str) and _NUMBER.fullmatch(actual) is not None
    )
    return None if ok else f"Expected {show(actual)} to be a number"


def _boolean(_m: dict[str, Any], _e: Any, actual: Any, _c: bool, _t: bool) -> str | None:
    ok = isinstance(actual, bool) or actual in ("true", "false")
    return None if ok else f"Expected {show(actual)} to be a boolean"


def _datetime(m: dict[str, Any], _e: Any, actual: Any, _c: bool, _t: bool) -> str | None:
    from apictl.contract.matching import datetimes  # Java date patterns: only pacts with date rules need them

    kind = m["match"]
    pattern = m.get("format") or m.get(kind) or datetimes.DEFAULT_FORMATS[kind]
    if not isinstance(actual, str):
        return f"Expected {show(actual)} to be a {kind} string in the format '{pattern}'"
    problem = datetimes.check(actual, str(pattern))
    return None if problem is None else f"Expected {show(actual)} to match a {kind} format of '{pattern}': {problem}"


def _not_empty(_m: dict[str, Any], _e: Any, actual: Any, _c: bool, _t: bool) -> str | None:
    empty = actual is None or (isinstance(actual, (str, list, dict, bytes)) and len(actual) == 0)
    return f"Expected {show(actual)} to not be empty" if empty else None


def _semver(_m: dict[str, Any], _e: Any, actual: Any, _c: bool, _t: bool) -> str | None:
    ok = isinstance(actual, str) and _SEMVER.fullmatch(actual) is not None
    return None if ok else f"Expected {show(actual)} to be a semantic version"


def _content_type(m: dict[str, Any], _e: Any, actual: Any, _c: bool, _t: bool) -> str | None:
    expected_type = str(m.get("value", m.get("contentType", "")))
    raw = actual if isinstance(actual, bytes) else as_text(actual).encode()
    found = detect_bytes(raw)
    if found.split(";")[0].strip().lower() == expected_type.split(";")[0].strip().lower():
        return None
    return f"Expected data to have a content type of '{expected_type}' but was '{found}'"


def _status_code(m: dict[str, Any], _e: Any, actual: Any, _c: bool, _t: bool) -> str | None:
    return status_problem(m.get("status"), actual)


def status_problem(status: Any, actual: Any) -> str | None:
    if not isinstance(actual, int):
        return f"Expected {show(actual)} to be an HTTP status code"
    if isinstance(status, list):
        return None if actual in status else f"Expected status {actual} to be one of {status}"
    if status == "nonError":
        return None if actual < 400 else f"Expected status {actual} to be a non-error status (< 400)"
    if status == "error":
        return None if actual >= 400 else f"Expected status {actual} to be an error status (>= 400)"
    codes = STATUS_CLASSES.get(str(status))
    if codes is None:
        return f"unknown status class {status!r}"
    return None if actual in codes else f"Expected status {actual} to be a {status} status"


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
)


def detect_bytes(raw: bytes) -> str:
    """A best guess of the content type of some bytes (for the contentType matcher)."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    from apictl.contract.body import detect_content_type

    return detect_content_type(text)


_HANDLERS = {
    "regex": _regex,
    "include": _include,
    "type": _type,
    "equality": _equality,
    "null": _null,
    "integer": _integer,
    "decimal": _decimal,
    "number": _number,
    "boolean": _boolean,
    "timestamp": _datetime,
    "date": _datetime,
    "time": _datetime,
    "notEmpty": _not_empty,
    "semver": _semver,
    "contentType": _content_type,
    "statusCode": _status_code,
}


def check_all(
    matchers: tuple[dict[str, Any], ...],
    combine: str,
    expected: Any,
    actual: Any,
    *,
    cascaded: bool = False,
    textual: bool = False,
) -> list[str]:
    """All matchers of a rule list: every one must hold (AND), or one (OR)."""
    problems = [check(m, expected, actual, cascaded=cascaded, textual=textual) for m in matchers]
    failures = [p for p in problems if p is not None]
    if combine == "OR" and len(failures) < len(problems):
        return []
    return failures
