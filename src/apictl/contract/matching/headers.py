"""Headers compared as Pact does: names case-insensitively; every expected
header must arrive (extra ones are fine); comma-separated values compared one
by one in order, whitespace around commas ignored; `Content-Type` and `Accept`
compared as media types (type case-insensitive, parameters in any order); a
rule for a header replaces equality."""

from __future__ import annotations

from collections.abc import Iterable

from apictl.contract.matching.mismatch import HEADER, Mismatch
from apictl.contract.matching.values import check_all
from apictl.contract.rules import RuleList

# headers whose values contain commas that do not separate values
SINGLE_VALUE = {
    "date",
    "accept-datetime",
    "if-modified-since",
    "if-unmodified-since",
    "expires",
    "retry-after",
    "last-modified",
    "set-cookie",
    "user-agent",
}
MEDIA_TYPE_HEADERS = {"accept", "content-type", "contenttype"}


def split_values(name: str, values: Iterable[str]) -> list[str]:
    if name.lower() in SINGLE_VALUE:
        return [v.strip() for v in values]
    return [part.strip() for v in values for part in v.split(",")]


def group(headers: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in headers:
        out.setdefault(name.lower(), []).append(value)
    return out


def compare_headers(
    expected: dict[str, list[str]] | None,
    actual: dict[str, list[str]] | None,
    rules: dict[str, RuleList],
    kind: str = HEADER,
) -> list[Mismatch]:
    got = {name.lower(): values for name, values in (actual or {}).items()}
    rules_by_name = {name.lower(): rule for name, rule in rules.items()}
    out: list[Mismatch] = []
    for name, values in (expected or {}).items():
        lname = name.lower()
        if lname not in got:
            out.append(Mismatch(kind, name, ", ".join(values), None, f"Expected header '{name}' but was missing"))
            continue
        out.extend(compare_header(name, values, got[lname], rules_by_name.get(lname), kind))
    return out


def compare_header(
    name: str, expected: list[str], actual: list[str], rule: RuleList | None, kind: str = HEADER
) -> list[Mismatch]:
    want_text, got_text = ", ".join(expected), ", ".join(actual)
    if rule is not None:
        problems = check_all(rule.matchers, rule.combine, want_text, got_text.strip(), textual=True)
        return [Mismatch(kind, name, want_text, got_text, f"Header '{name}': {p}") for p in problems]
    want, got = split_values(name, expected), split_values(name, actual)
    media = name.lower() in MEDIA_TYPE_HEADERS
    same = len(want) == len(got) and all(
        (media_types_match(w, g) if media else w == g) for w, g in zip(want, got, strict=True)
    )
    if same:
        return []
    message = f"Expected header '{name}' to have value '{want_text}' but was '{got_text}'"
    return [Mismatch(kind, name, want_text, got_text, message)]


def _media(value: str) -> tuple[str, dict[str, str]]:
    parts = [p.strip() for p in value.split(";")]
    params: dict[str, str] = {}
    for part in parts[1:]:
        key, _, val = part.partition("=")
        if key:
            params[key.strip().lower()] = val.strip().strip('"')
    return parts[0], params


def media_types_match(expected: str, actual: str) -> bool:
    """`application/json;charset=UTF-8` matches `application/json; charset=utf-8`:
    the type as written, expected parameters all present in any order (charset
    compared case-insensitively)."""
    want_type, want_params = _media(expected)
    got_type, got_params = _media(actual)
    if want_type != got_type:
        return False
    for key, value in want_params.items():
        other = got_params.get(key)
        if other is None:
            return False
        if (other.lower() != value.lower()) if key == "charset" else (other != value):
            return False
    return True
