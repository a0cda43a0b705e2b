"""Filter expressions: JavaScript semantics on JSON values, without eval."""

from __future__ import annotations

from typing import Any

import pytest

from apictl.lint.spectral.jsexpr import EvalContext, FilterSyntaxError, parse_filter
from apictl.lint.spectral.jsregex import from_option
from apictl.lint.spectral.jsvalues import UNDEFINED, number_to_string, print_value


def holds(expr: str, value: Any = None, key: Any = None, parent: Any = None, parent_key: Any = None) -> bool:
    ctx = EvalContext(value, key, parent, parent_key, lambda: {"root": True}, lambda: "$['a']")
    return parse_filter(expr).matches(ctx)


@pytest.mark.parametrize(
    ("expr", "value", "key", "expected"),
    [
        ("@.in == 'query'", {"in": "query"}, None, True),
        ("@.in === 'query'", {"in": "header"}, None, False),
        ("@property >= 200 && @property < 300", None, "201", True),  # strings compared as numbers
        ("@property >= 200 && @property < 300", None, "default", False),
        ("@property == 200", None, "200", True),
        ("@property === 200", None, "200", False),
        ("@ == 1", "1", None, True),
        ("@ == null", UNDEFINED, None, True),
        ("@ === null", UNDEFINED, None, False),
        ("!@.description", {"description": ""}, None, True),
        ("@ && @.type == 'array'", None, None, False),
        ("@ && @.type.constructor.name === 'Array'", {"type": ["array"]}, None, True),
        ("@.type.includes('null')", {"type": ["string", "null"]}, None, True),
        ("@.in in ['query', 'header']", {"in": "header"}, None, True),
        ("@property ~= '^x-'", None, "x-ok", True),
        ("@.name.match(/^X-/i)", {"name": "x-trace"}, None, True),
        ("/^[0-9]+$/.test(@property)", None, "404", True),
        ("@property.indexOf('json') === -1", None, "text/plain", True),
        ("@property.startsWith('4')", None, 404, True),  # nimma calls string methods on String(@property)
        ("@.length > 2", "abc", None, True),
        ("@.length > 2", [1, 2], None, False),
        ("typeof @ === 'number'", 1.5, None, True),
        ("@.example !== void 0", {"example": None}, None, True),
        ("@['x-internal'] === true", {"x-internal": True}, None, True),
        ("@.a ? @.b : @.c", {"a": 0, "b": False, "c": True}, None, True),
        ("Array.isArray(@)", [], None, True),
        ("Object.keys(@).length === 2", {"a": 1, "b": 2}, None, True),
        ("(@.a + @.b) * 2 === 6", {"a": 1, "b": 2}, None, True),
        ("@.a + @.b === '12'", {"a": "1", "b": 2}, None, True),
        ("@.a.b.c", {}, None, False),  # a TypeError in JavaScript: the node does not match
        ("@parentProperty === 'responses'", {}, None, False),
    ],
)
def test_expressions(expr: str, value: Any, key: Any, expected: bool) -> None:
    assert holds(expr, value, key) is expected


def test_context_identifiers() -> None:
    assert holds("@parentProperty === 'responses' && @parent.x === 1", {}, "200", {"x": 1}, "responses")
    assert holds("@root.root === true && @path === \"$['a']\"", {})


@pytest.mark.parametrize(
    "expr", ["@.a ==", "foo", "@.a; 1", "@.a = 1", "(@", "[1, 2", "'unclosed", "@.", "/(/.test(@)"]
)
def test_syntax_errors(expr: str) -> None:
    with pytest.raises(FilterSyntaxError):
        parse_filter(expr)


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "1"), (1.0, "1"), (1.5, "1.5"), (1e21, "1e+21"), (1e-7, "1e-7"), (0.000001, "0.000001"), (-0.0, "0")],
)
def test_numbers_print_like_javascript(n: float, text: str) -> None:
    assert number_to_string(n) == text


def test_print_value() -> None:
    assert [print_value(v) for v in ("a", 1, None, True, [], {}, UNDEFINED)] == [
        '"a"',
        "1",
        "null",
        "true",
        "Array[]",
        "Object{}",
        "undefined",
    ]


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("^a$", "a\n", False),  # JavaScript's $ is the end of input
        ("/^A/i", "abc", True),
        ("^\\d+$", "\u0661", False),  # \d is ASCII in JavaScript
        ("(?<n>a)\\k<n>", "aa", True),
        ("a{,2}", "a{,2}", True),  # not a quantifier in JavaScript
        ("[^]", "\n", True),
    ],
)
def test_javascript_regular_expressions(pattern: str, text: str, expected: bool) -> None:
    assert from_option(pattern).test(text) is expected
