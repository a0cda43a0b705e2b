"""The matchers the specification's suite does not exercise (v3/v4 ones),
each with a value that passes and one that fails, in JSON bodies and in text."""

from __future__ import annotations

from typing import Any

import pytest

from apictl.contract.located import Where
from apictl.contract.matching.context import MatchContext
from apictl.contract.matching.datetimes import check as check_datetime
from apictl.contract.matching.json_body import compare_json
from apictl.contract.matching.values import check
from apictl.contract.rules import normalise_matcher, parse_matching_rules


def _m(raw: dict[str, Any]) -> dict[str, Any]:
    return normalise_matcher(raw, Where(None), "")


@pytest.mark.parametrize(
    ("matcher", "expected", "good", "bad"),
    [
        ({"match": "integer"}, 1, 7, 7.5),
        ({"match": "decimal"}, 1.5, 2.25, 2),
        ({"match": "number"}, 1, 2.5, "2"),
        ({"match": "null"}, None, None, 0),
        ({"match": "boolean"}, True, False, "yes"),
        ({"match": "include", "value": "ell"}, "hello", "yellow", "hi"),
        ({"match": "equality"}, {"a": 1}, {"a": 1}, {"a": 2}),
        ({"match": "notEmpty"}, "x", "y", ""),
        ({"match": "notEmpty"}, [1], [2], []),
        ({"match": "semver"}, "1.0.0", "10.2.3-rc.1+build.5", "1.0"),
        ({"match": "regex", "regex": "\\d+"}, "1", "123", "12a"),  # the whole value must match
        ({"match": "type"}, "a", "b", 1),
        ({"match": "type"}, 1, 2.5, True),
        ({"match": "type", "min": 2}, [1, 2], [1, 2, 3], [1]),
        ({"match": "type", "max": 2}, [1], [1, 2], [1, 2, 3]),
        (
            {"match": "timestamp", "format": "yyyy-MM-dd'T'HH:mm:ss.SSSX"},
            "",
            "2024-02-29T23:59:59.123Z",
            "2023-02-29T23:59:59.123Z",
        ),
        ({"match": "timestamp", "timestamp": "yyyy-MM-dd HH:mm"}, "", "2024-01-01 10:30", "2024-01-01 24:30"),
        ({"match": "date", "format": "dd/MM/yyyy"}, "", "31/12/2024", "31/13/2024"),
        ({"match": "date"}, "", "2024-06-01", "2024-6-1x"),
        ({"match": "time", "format": "HH:mm:ss"}, "", "23:59:59", "23:60:00"),
        ({"match": "time", "format": "h:mm a"}, "", "9:05 PM", "13:05 PM"),
        (
            {"match": "timestamp", "format": "EEE, dd MMM yyyy HH:mm:ss z"},
            "",
            "Tue, 02 Jan 2024 10:00:00 GMT",
            "Tue, 02 Foo 2024 10:00:00 GMT",
        ),
        ({"match": "contentType", "value": "application/json"}, "", '{"a": 1}', "<a/>"),
        ({"match": "contentType", "value": "image/png"}, b"", b"\x89PNG\r\n\x1a\n....", b"GIF89a...."),
        ({"match": "statusCode", "status": "success"}, 200, 204, 404),
        ({"match": "statusCode", "status": "clientError"}, 400, 422, 500),
        ({"match": "statusCode", "status": "nonError"}, 200, 302, 400),
        ({"match": "statusCode", "status": "error"}, 500, 404, 200),
        ({"match": "statusCode", "status": [200, 201]}, 200, 201, 202),
    ],
)
def test_matcher(matcher: dict[str, Any], expected: Any, good: Any, bad: Any) -> None:
    rule = _m(matcher)
    assert check(rule, expected, good) is None
    problem = check(rule, expected, bad)
    assert problem is not None and problem


@pytest.mark.parametrize(
    ("matcher", "good", "bad"),
    [
        ({"match": "integer"}, "42", "4.2"),
        ({"match": "decimal"}, "4.2", "42"),
        ({"match": "number"}, "-4e3", "four"),
        ({"match": "boolean"}, "true", "True"),
    ],
)
def test_text_values_are_read_as_numbers(matcher: dict[str, Any], good: str, bad: str) -> None:
    rule = _m(matcher)
    assert check(rule, "", good, textual=True) is None
    assert check(rule, "", bad, textual=True) is not None


def _rules(raw: dict[str, Any]) -> MatchContext:
    rules = parse_matching_rules({"body": raw}, Where(None), "", flat=False)
    return MatchContext(rules.get("body"), allow_unexpected_keys=True)


def test_or_combination_needs_one_matcher() -> None:
    ctx = _rules({"$.a": {"combine": "OR", "matchers": [{"match": "integer"}, {"match": "null"}]}})
    assert compare_json({"a": 1}, {"a": None}, ctx) == []
    assert compare_json({"a": 1}, {"a": 5}, ctx) == []
    assert len(compare_json({"a": 1}, {"a": "x"}, ctx)) == 2


def test_each_key_and_each_value() -> None:
    ctx = _rules(
        {
            "$.prices": {
                "matchers": [
                    {"match": "eachKey", "rules": [{"match": "regex", "regex": "[A-Z]{3}"}]},
                    {"match": "eachValue", "rules": [{"match": "decimal"}]},
                ]
            }
        }
    )
    expected = {"prices": {"EUR": 1.5}}
    assert compare_json(expected, {"prices": {"USD": 2.5, "GBP": 3.25}}, ctx) == []
    problems = compare_json(expected, {"prices": {"usd": 2.5, "GBP": 3}}, ctx)
    assert sorted(m.path for m in problems) == ["$.prices.GBP", "$.prices.usd"]


def test_values_matcher_ignores_keys() -> None:
    ctx = _rules({"$.byId": {"matchers": [{"match": "values"}]}, "$.byId.*.name": {"matchers": [{"match": "type"}]}})
    expected = {"byId": {"1": {"name": "a"}}}
    assert compare_json(expected, {"byId": {"7": {"name": "b"}, "9": {"name": "c"}}}, ctx) == []
    assert compare_json(expected, {"byId": {"7": {"name": 1}}}, ctx)[0].path == "$.byId['7'].name"


def test_array_contains_finds_variants_anywhere() -> None:
    ctx = _rules(
        {
            "$.events": {
                "matchers": [
                    {
                        "match": "arrayContains",
                        "variants": [
                            {"index": 0, "rules": {"$.id": {"matchers": [{"match": "integer"}]}}},
                            {"index": 1, "rules": {}},
                        ],
                    }
                ]
            }
        }
    )
    expected = {"events": [{"id": 1, "kind": "a"}, {"kind": "b"}]}
    assert compare_json(expected, {"events": [{"kind": "x"}, {"kind": "b"}, {"id": 9, "kind": "a"}]}, ctx) == []
    missing = compare_json(expected, {"events": [{"id": 9, "kind": "a"}]}, ctx)
    assert [m.message for m in missing] == ['Variant at index 1 ({"kind":"b"}) was not found in the actual list']


def test_type_matcher_on_a_list_compares_items_with_the_first() -> None:
    ctx = _rules({"$.items": {"matchers": [{"match": "type", "min": 1}]}})
    expected = {"items": [{"id": 1, "name": "x"}]}
    assert compare_json(expected, {"items": [{"id": 2, "name": "y"}, {"id": 3, "name": "z"}]}, ctx) == []
    problems = compare_json(expected, {"items": [{"id": 2, "name": "y"}, {"id": "3", "name": "z"}]}, ctx)
    assert [m.path for m in problems] == ["$.items[1].id"]
    assert compare_json(expected, {"items": []}, ctx)[0].message.endswith("to have minimum size of 1")


@pytest.mark.parametrize(
    ("value", "pattern", "ok"),
    [
        ("2015-06-10T20:41:37", "yyyy-MM-dd'T'HH:mm:ss", True),
        ("2015-06-10T22:98:78", "yyyy-MM-dd'T'HH:mm:ss", False),
        ("2024-02-29", "yyyy-MM-dd", True),
        ("2023-02-29", "yyyy-MM-dd", False),
        ("2024-01-01T10:00:00+05:30", "yyyy-MM-dd'T'HH:mm:ssXXX", True),
        ("2024-01-01T10:00:00Z", "yyyy-MM-dd'T'HH:mm:ssXXX", True),
        ("2024-01-01T10:00:00", "yyyy-MM-dd'T'HH:mm:ss[.SSS]", True),
        ("2024-01-01T10:00:00.5", "yyyy-MM-dd'T'HH:mm:ss[.SSS]", False),
        ("it's 10", "'it''s' HH", True),
    ],
)
def test_java_date_patterns(value: str, pattern: str, ok: bool) -> None:
    assert (check_datetime(value, pattern) is None) is ok


@pytest.mark.parametrize(
    ("regex", "good", "bad"),
    [
        ("(?<year>\\d{4})-\\d{2}", "2024-01", "24-01"),
        ("\\p{Alpha}+\\p{Digit}", "abc1", "ab-1"),
        ("\\P{Digit}+", "abc", "a1"),
        ("\\p{L}+", "Zürich", "Zürich1"),
        ("abc\\z", "abc", "abcd"),
    ],
)
def test_java_regexes(regex: str, good: str, bad: str) -> None:
    rule = _m({"match": "regex", "regex": regex})
    assert check(rule, "", good) is None
    assert check(rule, "", bad) is not None
