"""Requests, responses and messages compared as the Pact specification says.

`match_request(expected, actual)` is what a stub or mock provider asks of an
incoming request; `match_response` what a verifier asks of a provider's
answer; `match_message` the same for message contents and metadata. Each
returns the mismatches, empty when `actual` satisfies `expected`. Requests may
not carry unexpected body keys or query parameters; responses and messages may
carry more than the pact shows."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import unquote, unquote_plus

from apictl.contract.matching.bodies import compare_bodies
from apictl.contract.matching.context import MatchContext
from apictl.contract.matching.headers import compare_header, compare_headers
from apictl.contract.matching.mismatch import METADATA, METHOD, PATH, QUERY, STATUS, Mismatch
from apictl.contract.matching.params import compare_params
from apictl.contract.matching.values import check_all, status_problem
from apictl.contract.pact import HttpRequest, HttpResponse, Message


def match_request(expected: HttpRequest, actual: HttpRequest) -> list[Mismatch]:
    out: list[Mismatch] = []
    if expected.method.upper() != actual.method.upper():
        message = f"Expected method {expected.method.upper()} but received {actual.method.upper()}"
        out.append(Mismatch(METHOD, "", expected.method.upper(), actual.method.upper(), message))
    out.extend(match_path(expected, actual.path))
    out.extend(match_query(expected, actual))
    out.extend(compare_headers(expected.headers, actual.headers, expected.rules.get("header")))
    ctx = MatchContext(expected.rules.get("body"), allow_unexpected_keys=False)
    out.extend(compare_bodies(expected.body, actual.body, ctx))
    return out


def match_query(expected: HttpRequest, actual: HttpRequest) -> list[Mismatch]:
    if expected.spec < (1, 1) and expected.raw_query is not None:
        # v1.0: query strings are equal as (decoded) strings; v1.1 made them maps
        want, got = unquote_plus(expected.raw_query), unquote_plus(actual.raw_query or "")
        if want == got:
            return []
        return [Mismatch(QUERY, "", want, got, f"Expected query string '{want}' but received '{got}'")]
    return compare_params(expected.query, actual.query, expected.rules.get("query"))


@lru_cache(maxsize=8192)
def _decoded(path: str) -> str:
    return unquote(path) if "%" in path else path


def match_path(expected: HttpRequest, path: str) -> list[Mismatch]:
    """Paths compare as written or percent-decoded (pacts write both)."""
    rule = expected.rules.get("path").get("")
    if rule is not None:
        problems = check_all(rule.matchers, rule.combine, expected.path, path, textual=True)
        if problems and unquote(path) != path:
            problems = check_all(rule.matchers, rule.combine, expected.path, unquote(path), textual=True) and problems
        return [Mismatch(PATH, "", expected.path, path, p) for p in problems]
    if expected.path == path or _decoded(expected.path) == _decoded(path):
        return []
    return [Mismatch(PATH, "", expected.path, path, f"Expected path '{expected.path}' but received '{path}'")]


def match_response(expected: HttpResponse, actual: HttpResponse) -> list[Mismatch]:
    out: list[Mismatch] = []
    if expected.status is not None:
        rule = expected.rules.get("status").get("")
        status_matchers = [m for m in rule.matchers if m["match"] == "statusCode"] if rule else []
        if status_matchers:
            for matcher in status_matchers:
                problem = status_problem(matcher.get("status"), actual.status)
                if problem is not None:
                    out.append(Mismatch(STATUS, "", expected.status, actual.status, problem))
        elif expected.status != actual.status:
            message = f"Expected status {expected.status} but received {actual.status}"
            out.append(Mismatch(STATUS, "", expected.status, actual.status, message))
    out.extend(compare_headers(expected.headers, actual.headers, expected.rules.get("header")))
    ctx = MatchContext(expected.rules.get("body"), allow_unexpected_keys=True)
    out.extend(compare_bodies(expected.body, actual.body, ctx))
    return out


def match_message(expected: Message, actual: Message) -> list[Mismatch]:
    ctx = MatchContext(expected.rules.get("body"), allow_unexpected_keys=True)
    out = compare_bodies(expected.contents, actual.contents, ctx)
    out.extend(match_metadata(expected.metadata, actual.metadata, expected.rules.get("metadata")))
    return out


def match_metadata(expected: dict[str, Any], actual: dict[str, Any], rules: dict[str, Any]) -> list[Mismatch]:
    out: list[Mismatch] = []
    for key, value in expected.items():
        if key not in actual:
            out.append(Mismatch(METADATA, key, value, None, f"Expected message metadata '{key}' but was missing"))
            continue
        got = actual[key]
        if key.lower() in ("contenttype", "content-type") and isinstance(value, str) and isinstance(got, str):
            out.extend(compare_header(key, [value], [got], rules.get(key), METADATA))
            continue
        rule = rules.get(key)
        if rule is not None:
            problems = check_all(rule.matchers, rule.combine, value, got, textual=isinstance(got, str))
            out.extend(Mismatch(METADATA, key, value, got, p) for p in problems)
        elif value != got:
            message = f"Expected message metadata '{key}' to have value {value!r} but was {got!r}"
            out.append(Mismatch(METADATA, key, value, got, message))
    return out
